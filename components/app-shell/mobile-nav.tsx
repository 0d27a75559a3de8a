"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Icon } from "./icons";

export type MobileNavProps = {
  /** Sidebar content shown inside the drawer (usually the same nav as the desktop sidebar). */
  children: ReactNode;
  /** Accessible name of the drawer. Defaults to "Main navigation". */
  label?: string;
  className?: string;
};

/**
 * Menu button (visible below `lg`) that opens the sidebar as a modal drawer (native
 * `<dialog>`: focus is trapped, Escape closes). It closes on navigation, on a link
 * click, on a backdrop click, and when the viewport reaches `lg`.
 */
export function MobileNav({ children, label = "Main navigation", className }: MobileNavProps) {
  const pathname = usePathname();
  // The drawer is open only while we are still on the path where it was opened,
  // so any navigation closes it without an effect.
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const open = openedAt !== null && openedAt === pathname;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const drawerId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const mq = window.matchMedia("(min-width: 64rem)");
    const onChange = () => {
      if (mq.matches) setOpenedAt(null);
    };
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  }, [open]);

  return (
    <>
      <button
        type="button"
        className={cn(
          "inline-flex size-10 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900 lg:hidden",
          "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600",
          className,
        )}
        aria-label="Open menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={drawerId}
        onClick={() => setOpenedAt(pathname)}
      >
        <Icon name="menu" />
      </button>
      <dialog
        ref={dialogRef}
        id={drawerId}
        aria-label={label}
        className={cn(
          "fixed inset-y-0 left-0 m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r border-slate-200 bg-white p-0 shadow-xl",
          "open:flex open:flex-col",
        )}
        onClose={() => setOpenedAt(null)}
        onClick={(e) => {
          const target = e.target as HTMLElement;
          // Backdrop click (the dialog element itself) or any link inside closes the drawer.
          if (target === e.currentTarget || target.closest("a")) setOpenedAt(null);
        }}
      >
        <div className="absolute top-3 right-3">
          <button
            type="button"
            className="inline-flex size-9 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
            aria-label="Close menu"
            onClick={() => setOpenedAt(null)}
          >
            <Icon name="close" />
          </button>
        </div>
        {children}
      </dialog>
    </>
  );
}
