import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type CardProps = ComponentProps<"section">;

/** A white, bordered, rounded panel. Renders a `<section>`. */
export function Card({ className, ...props }: CardProps) {
  return <section className={cn("rounded-lg border border-slate-200 bg-white shadow-xs", className)} {...props} />;
}

export type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Heading id, useful for `aria-labelledby` on the Card. */
  id?: string;
  /** Heading level; defaults to h2. */
  as?: "h2" | "h3";
  className?: string;
};

export function CardHeader({ title, description, actions, id, as: Heading = "h2", className }: CardHeaderProps) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4",
        className,
      )}
    >
      <div className="min-w-0">
        <Heading id={id} className="text-base font-semibold text-slate-900">
          {title}
        </Heading>
        {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export type CardBodyProps = ComponentProps<"div">;

export function CardBody({ className, ...props }: CardBodyProps) {
  return <div className={cn("px-5 py-4", className)} {...props} />;
}

export type CardFooterProps = ComponentProps<"div">;

/** Optional footer row (e.g. form actions), right-aligned, slate tint. */
export function CardFooter({ className, ...props }: CardFooterProps) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-center justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-5 py-3",
        className,
      )}
      {...props}
    />
  );
}
