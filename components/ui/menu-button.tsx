"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from "react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button";
import { cn } from "./cn";

export type MenuEntry =
  | { kind: "radio"; label: string; hint?: string; checked: boolean; disabled?: boolean; onSelect: () => void }
  | { kind: "item"; label: string; tone?: "danger"; disabled?: boolean; onSelect: () => void }
  | { kind: "separator" };

type Actionable = Exclude<MenuEntry, { kind: "separator" }>;

/**
 * A button that opens a menu (WAI-ARIA menu button): Enter, Space or ↓ opens it on the checked item
 * (or the first), ↑/↓/Home/End move, Enter/Space choose, Escape closes it — not the dialog around
 * it — and puts focus back on the button, as does choosing. Tab leaves it.
 * The menu is placed on the viewport beside the button (above it when there is no room below), so
 * a dialog's scrolling body does not clip it; scrolling or resizing closes it.
 */
export function MenuButton({
  children,
  label,
  items,
  variant = "secondary",
  size = "sm",
  className,
  disabled,
  align = "right",
}: {
  /** The button's visible content. */
  children: ReactNode;
  /** The button's accessible name (it should contain the visible text). */
  label: string;
  items: MenuEntry[];
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  disabled?: boolean;
  align?: "left" | "right";
}) {
  const buttonId = useId();
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const menuRef = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<CSSProperties>({});
  const actionable = items.map((item, i) => ({ item, i })).filter((x): x is { item: Actionable; i: number } => x.item.kind !== "separator");

  function focusItem(position: number) {
    const target = actionable[(position + actionable.length) % actionable.length];
    if (target) itemRefs.current[target.i]?.focus({ preventScroll: true });
  }

  function openAt(where: "checked" | "first" | "last") {
    const button = buttonRef.current?.getBoundingClientRect();
    if (button) {
      const side = align === "right" ? { right: Math.max(4, window.innerWidth - button.right) } : { left: Math.max(4, button.left) };
      setPlace({ position: "fixed", top: button.bottom + 4, ...side });
    }
    setOpen(true);
    // After the menu renders.
    requestAnimationFrame(() => {
      const checked = actionable.findIndex((x) => x.item.kind === "radio" && x.item.checked);
      focusItem(where === "last" ? actionable.length - 1 : where === "checked" && checked >= 0 ? checked : 0);
    });
  }

  // Above the button when the menu would run off the bottom of the viewport and fits above; and
  // kept inside the viewport sideways (on a phone a right-aligned menu can be wider than the room
  // left of its button's right edge).
  useLayoutEffect(() => {
    const menu = menuRef.current?.getBoundingClientRect();
    const button = buttonRef.current?.getBoundingClientRect();
    if (!open || !menu || !button) return;
    if (menu.bottom > window.innerHeight - 4 && button.top - menu.height - 4 >= 4) setPlace((p) => ({ ...p, top: button.top - menu.height - 4 }));
    if (menu.left < 4) setPlace((p) => ({ ...p, right: undefined, left: 4 }));
    else if (menu.right > window.innerWidth - 4) setPlace((p) => ({ ...p, left: undefined, right: 4 }));
  }, [open]);

  // A scroll or resize would leave the menu behind its button: close it (not for the menu's own scrolling).
  useEffect(() => {
    if (!open) return;
    const onMove = (e: Event) => {
      if (e.target instanceof Node && menuRef.current?.contains(e.target)) return;
      setOpen(false);
    };
    window.addEventListener("scroll", onMove, true);
    window.addEventListener("resize", onMove);
    return () => {
      window.removeEventListener("scroll", onMove, true);
      window.removeEventListener("resize", onMove);
    };
  }, [open]);

  function close(refocus = true) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  function choose(item: Actionable) {
    if (item.disabled) return;
    close();
    item.onSelect();
  }

  function onButtonKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === "ArrowDown" || e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      openAt("checked");
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      openAt("last");
    }
  }

  function onMenuKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const current = actionable.findIndex((x) => itemRefs.current[x.i] === document.activeElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      focusItem(current + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      focusItem(e.key === "Home" ? 0 : actionable.length - 1);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      const target = actionable[current];
      if (target) choose(target.item);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === "Tab") {
      close(false);
    }
  }

  return (
    <div
      className="relative inline-block"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        className={buttonClasses({ variant, size, className })}
        onClick={() => (open ? close() : openAt("checked"))}
        onKeyDown={onButtonKeyDown}
      >
        {children}
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          onKeyDown={onMenuKeyDown}
          style={place}
          className="z-50 max-h-[calc(100vh-1rem)] max-w-[calc(100vw-0.5rem)] min-w-48 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {items.map((item, i) =>
            item.kind === "separator" ? (
              <li key={i} role="separator" className="my-1 border-t border-slate-200" />
            ) : (
              <li
                key={i}
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                role={item.kind === "radio" ? "menuitemradio" : "menuitem"}
                aria-checked={item.kind === "radio" ? item.checked : undefined}
                aria-disabled={item.disabled || undefined}
                tabIndex={-1}
                onClick={() => choose(item)}
                className={cn(
                  "flex min-h-9 cursor-pointer items-start gap-2 px-3 py-2 outline-none focus:bg-slate-100",
                  item.kind === "item" && item.tone === "danger" ? "font-medium text-red-700" : "text-slate-900",
                  item.disabled && "cursor-not-allowed text-slate-600",
                )}
              >
                {item.kind === "radio" && (
                  <span aria-hidden="true" className="w-4 shrink-0 text-teal-700">
                    {item.checked ? "✓" : ""}
                  </span>
                )}
                <span>
                  <span className="block">{item.label}</span>
                  {item.kind === "radio" && item.hint && <span className="block text-xs text-slate-600">{item.hint}</span>}
                </span>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
