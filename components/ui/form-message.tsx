import { Alert } from "./alert";

export type FormMessageProps = {
  /** Nothing renders when empty. */
  message?: string | null;
  title?: string;
  className?: string;
};

/** Whole-form error banner (role="alert"). Renders nothing without a message. */
export function FormError({ message, title, className }: FormMessageProps) {
  if (!message) return null;
  return (
    <Alert tone="danger" title={title} className={className}>
      {message}
    </Alert>
  );
}

/** Whole-form success banner (role="status"). Renders nothing without a message. */
export function FormSuccess({ message, title, className }: FormMessageProps) {
  if (!message) return null;
  return (
    <Alert tone="success" title={title} className={className}>
      {message}
    </Alert>
  );
}
