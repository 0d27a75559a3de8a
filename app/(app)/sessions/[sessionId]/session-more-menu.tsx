"use client";

import { startTransition, useActionState, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { MenuButton } from "@/components/ui/menu-button";
import { ERROR_MESSAGES } from "@/lib/errors";
import { deleteSessionAction } from "./actions";

/**
 * The session's "…" menu: rarely used and destructive actions live here, out of the header's way.
 * Delete (owner only) asks first in a dialog whose focus starts on Cancel.
 */
export function SessionMoreMenu({ sessionId, title }: { sessionId: string; title: string }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descId = useId();
  const [state, formAction, pending] = useActionState(deleteSessionAction, {});

  return (
    <>
      <MenuButton
        label="More actions"
        items={[
          {
            kind: "item",
            label: "Delete session…",
            tone: "danger",
            onSelect: () => {
              dialogRef.current?.showModal();
              cancelRef.current?.focus();
            },
          },
        ]}
        size="md"
      >
        <span aria-hidden="true">…</span>
      </MenuButton>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/30"
        onClick={(e) => e.target === e.currentTarget && dialogRef.current?.close()}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            startTransition(() => formAction(data));
          }}
        >
          <input type="hidden" name="sessionId" value={sessionId} />
          <div className="px-5 pt-5 pb-4">
            <h2 id={titleId} className="text-base font-semibold">
              Delete “{title}”?
            </h2>
            <p id={descId} className="mt-2 text-sm leading-relaxed text-slate-600">
              Only you, the owner, can delete it. It disappears for everyone it is shared with and for your team. This cannot be undone in the app.
            </p>
            {state.error && (
              <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                {ERROR_MESSAGES[state.error]}
              </p>
            )}
          </div>
          <div className="flex flex-wrap justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-5 py-3">
            <Button ref={cancelRef} variant="secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending} aria-disabled={pending}>
              {pending ? "Deleting…" : "Delete session"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
