import {
  Children,
  cloneElement,
  isValidElement,
  useId,
  type ComponentProps,
  type ReactElement,
  type ReactNode,
} from "react";
import { cn } from "./cn";

/*
 * Id convention for accessible descriptions:
 *   control id        = htmlFor
 *   hint element id   = `${htmlFor}-hint`
 *   error element id  = `${htmlFor}-error`
 * `Field` adds `aria-describedby` (and `aria-invalid` when there is an error) to its
 * single child control automatically; use `fieldDescribedBy()` to build it yourself.
 */
export function fieldHintId(htmlFor: string): string {
  return `${htmlFor}-hint`;
}
export function fieldErrorId(htmlFor: string): string {
  return `${htmlFor}-error`;
}
export function fieldDescribedBy(htmlFor: string, opts: { hint?: boolean; error?: boolean }): string | undefined {
  const ids = [opts.hint ? fieldHintId(htmlFor) : null, opts.error ? fieldErrorId(htmlFor) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

const control =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs " +
  "placeholder:text-slate-400 transition-colors " +
  "focus:outline-none focus-visible:border-teal-600 focus-visible:ring-2 focus-visible:ring-teal-600/30 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 " +
  "aria-invalid:border-red-500 aria-invalid:focus-visible:ring-red-500/30";

export type LabelProps = ComponentProps<"label"> & {
  /** Appends a visual "(optional)" marker. */
  optional?: boolean;
  /** Appends a red asterisk (visual only; also set `required` on the control). */
  required?: boolean;
};

export function Label({ className, children, optional, required, ...props }: LabelProps) {
  return (
    <label className={cn("block text-sm font-medium text-slate-800", className)} {...props}>
      {children}
      {required ? (
        <span className="ml-0.5 text-red-600" aria-hidden="true">
          *
        </span>
      ) : null}
      {optional ? <span className="ml-1 font-normal text-slate-500">(optional)</span> : null}
    </label>
  );
}

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(control, "h-10 py-2", className)} {...props} />;
}

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(control, "min-h-20 py-2 leading-relaxed", className)} {...props} />;
}

export type SelectProps = ComponentProps<"select">;

/** A native `<select>` with a custom chevron. */
export function Select({ className, children, options, ...props }: SelectProps & { options?: readonly { id: string; name: string }[] }) {
  return (
    <div className="relative">
      <select className={cn(control, "h-10 appearance-none py-2 pr-9", className)} {...props}>
        {children}
        {options?.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <svg
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500"
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        aria-hidden="true"
      >
        <path d="m6 8 4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </div>
  );
}

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  label: ReactNode;
  /** Secondary text under the label (gets id `${id}-hint` and is wired via aria-describedby). */
  hint?: ReactNode;
};

/** A checkbox with its label on the right. Pass `id` or one is generated. */
export function Checkbox({ label, hint, id, className, ...props }: CheckboxProps) {
  const autoId = useId();
  const inputId = id ?? `cb-${autoId}`;
  return (
    <div className={cn("flex items-start gap-2.5", className)}>
      <input
        id={inputId}
        type="checkbox"
        aria-describedby={hint ? fieldHintId(inputId) : undefined}
        className={cn(
          "mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-teal-700",
          "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2",
          "disabled:cursor-not-allowed disabled:opacity-50",
        )}
        {...props}
      />
      <div className="text-sm leading-5">
        <label htmlFor={inputId} className="font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={fieldHintId(inputId)} className="text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export type FieldProps = {
  label: ReactNode;
  /** The control's id. Hint id = `${htmlFor}-hint`, error id = `${htmlFor}-error`. */
  htmlFor: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  optional?: boolean;
  className?: string;
  /** An id for the label, for a control named by `aria-labelledby` (e.g. a picker that changes element). */
  labelId?: string;
  /** Called when anything inside the field is typed into or changed (e.g. to clear its error). */
  onEdit?: () => void;
  children: ReactNode;
};

type DescribableProps = { "aria-describedby"?: string; "aria-invalid"?: boolean | "true" | "false" };

/**
 * Label + control + hint + error. If `children` is a single element, `aria-describedby`
 * and `aria-invalid` are added to it (existing values win). Give the control `id={htmlFor}`.
 */
export function Field({ label, htmlFor, hint, error, required, optional, className, labelId, onEdit, children }: FieldProps) {
  const describedBy = fieldDescribedBy(htmlFor, { hint: Boolean(hint), error: Boolean(error) });
  let control = children;
  if (Children.count(children) === 1 && isValidElement(children)) {
    const el = children as ReactElement<DescribableProps>;
    control = cloneElement(el, {
      "aria-describedby": el.props["aria-describedby"] ?? describedBy,
      "aria-invalid": el.props["aria-invalid"] ?? (error ? true : undefined),
    });
  }
  return (
    <div className={cn("space-y-1.5", className)} onInput={onEdit} onChange={onEdit}>
      <Label id={labelId} htmlFor={htmlFor} required={required} optional={optional}>
        {label}
      </Label>
      {control}
      {hint ? (
        <p id={fieldHintId(htmlFor)} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={fieldErrorId(htmlFor)} role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
