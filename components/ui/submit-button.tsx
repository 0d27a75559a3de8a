"use client";

import { useFormStatus } from "react-dom";
import { buttonClasses, type ButtonProps } from "./button";
import { Spinner } from "./spinner";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Text shown while the surrounding form is submitting. Defaults to "Saving…". */
  pendingLabel?: string;
};

/** A submit button for `<form action={serverAction}>`: disabled and labelled pending while submitting. */
export function SubmitButton({
  children,
  pendingLabel = "Saving…",
  variant = "primary",
  size = "md",
  className,
  disabled,
  ...props
}: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={buttonClasses({ variant, size, className })}
      disabled={disabled || pending}
      aria-disabled={disabled || pending || undefined}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending ? (
        <>
          <Spinner />
          <span>{pendingLabel}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
}
