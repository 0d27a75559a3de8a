"use client";

import { useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button";
import { Spinner } from "./spinner";

export type ConfirmButtonProps = {
  /** The trigger button's content. */
  children: ReactNode;
  /** Dialog title, e.g. "Remove access?". */
  title: ReactNode;
  description?: ReactNode;
  /** Confirm button text. Defaults to "Confirm". */
  confirmLabel?: string;
  cancelLabel?: string;
  /** Look of the confirm button; "danger" by default. */
  tone?: "danger" | "primary";
  /** Look of the trigger button; defaults to `tone`. */
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  disabled?: boolean;
  /** Optional `name`/`value` submitted with the form (as if this were the submitter). */
  name?: string;
  value?: string;
  /** Text shown on the trigger while the form submits. */
  pendingLabel?: string;
};

/**
 * Place INSIDE `<form action={serverAction}>`. Opens a modal `<dialog>`; on confirm
 * submits the surrounding form with `requestSubmit()`. Escape / Cancel closes it,
 * and focus starts on Cancel.
 */
export function ConfirmButton({
  children,
  title,
  description,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  tone = "danger",
  variant,
  size = "md",
  className,
  disabled,
  name,
  value,
  pendingLabel,
}: ConfirmButtonProps) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descId = useId();
  const { pending } = useFormStatus();

  function open() {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    cancelRef.current?.focus();
  }

  function close() {
    dialogRef.current?.close();
  }

  function confirm() {
    const form = triggerRef.current?.closest("form");
    close();
    if (!form) return;
    // Carry name/value (if any) with a temporary hidden input; FormData is built synchronously.
    let extra: HTMLInputElement | null = null;
    if (name) {
      extra = document.createElement("input");
      extra.type = "hidden";
      extra.name = name;
      extra.value = value ?? "";
      form.appendChild(extra);
    }
    try {
      form.requestSubmit();
    } finally {
      extra?.remove();
    }
  }

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className={buttonClasses({ variant: variant ?? tone, size, className })}
        onClick={open}
        disabled={disabled || pending}
        aria-haspopup="dialog"
        aria-busy={pending || undefined}
      >
        {pending && pendingLabel ? (
          <>
            <Spinner />
            <span>{pendingLabel}</span>
          </>
        ) : (
          children
        )}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={description ? descId : undefined}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl"
        onClick={(e) => {
          // Click on the backdrop (the dialog element itself) closes.
          if (e.target === e.currentTarget) close();
        }}
      >
        <div className="px-5 pt-5 pb-4">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? (
            <div id={descId} className="mt-2 text-sm leading-relaxed text-slate-600">
              {description}
            </div>
          ) : null}
        </div>
        <div className="flex flex-wrap justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-5 py-3">
          <button
            ref={cancelRef}
            type="button"
            autoFocus
            className={buttonClasses({ variant: "secondary", size: "md" })}
            onClick={close}
          >
            {cancelLabel}
          </button>
          <button type="button" className={buttonClasses({ variant: tone, size: "md" })} onClick={confirm}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
