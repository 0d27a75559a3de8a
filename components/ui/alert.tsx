import type { ReactNode } from "react";
import { cn } from "./cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { box: string; icon: string; path: string }> = {
  info: {
    box: "border-sky-200 bg-sky-50 text-sky-900",
    icon: "text-sky-600",
    path: "M10 9v5M10 6.5h.01M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Z",
  },
  success: {
    box: "border-emerald-200 bg-emerald-50 text-emerald-900",
    icon: "text-emerald-600",
    path: "m6.5 10.5 2.5 2.5 4.5-5M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Z",
  },
  warning: {
    box: "border-amber-200 bg-amber-50 text-amber-900",
    icon: "text-amber-600",
    path: "M10 7.5v4M10 14.5h.01M8.6 3.3 2.2 14.5A1.6 1.6 0 0 0 3.6 17h12.8a1.6 1.6 0 0 0 1.4-2.5L11.4 3.3a1.6 1.6 0 0 0-2.8 0Z",
  },
  danger: {
    box: "border-red-200 bg-red-50 text-red-900",
    icon: "text-red-600",
    path: "M10 6v5M10 14h.01M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Z",
  },
};

export type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
};

/** A tinted message box. role="alert" for danger, role="status" otherwise. */
export function Alert({ tone = "info", title, children, className, id }: AlertProps) {
  const t = tones[tone];
  return (
    <div
      id={id}
      role={tone === "danger" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-lg border px-4 py-3 text-sm", t.box, className)}
    >
      <svg
        className={cn("mt-0.5 size-5 shrink-0", t.icon)}
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d={t.path} />
      </svg>
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="leading-relaxed">{children}</div> : null}
      </div>
    </div>
  );
}
