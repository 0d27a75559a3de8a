"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input } from "@/components/ui/field";
import { SharePurposeFields } from "@/components/documents/share-purpose-fields";
import { changeShareAction, searchContactsAction, shareDocumentAction, type ContactOption } from "../actions";

/** Type-ahead contact picker (ARIA combobox): type a name, ↓/↑ to move, Enter to choose. */
function ContactPicker({ onPick }: { onPick: (c: ContactOption | null) => void }) {
  const listId = useId();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<ContactOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<ContactOption | null>(null);
  const ticket = useRef(0);

  useEffect(() => {
    const term = q.trim();
    if (!term || picked) return;
    const mine = ++ticket.current;
    const t = setTimeout(async () => {
      const r = await searchContactsAction(term).catch(() => null);
      if (mine !== ticket.current) return;
      setResults(r && "data" in r ? r.data : []);
      setActive(0);
      setOpen(true);
    }, 150);
    return () => clearTimeout(t);
  }, [q, picked]);

  function choose(c: ContactOption) {
    setPicked(c);
    setQ(c.name);
    setOpen(false);
    onPick(c);
  }

  return (
    <div className="relative">
      <Input
        id="contactId"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder="Type the contact's name"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setPicked(null);
          onPick(null);
          if (!e.target.value.trim()) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((i) => (results.length ? (i + 1) % results.length : 0));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => (results.length ? (i - 1 + results.length) % results.length : 0));
          } else if (e.key === "Enter" && open) {
            e.preventDefault();
            if (results[active]) choose(results[active]);
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label="Contacts" hidden={!open || results.length === 0} className="absolute z-10 mt-1 max-h-64 w-full overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
        {results.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={cn("cursor-pointer px-3 py-2 text-sm", i === active ? "bg-teal-50 text-teal-900" : "text-slate-800")}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(c);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="font-medium">{c.name}</span>
            {(c.organisationName || c.role) && <span className="text-slate-500"> · {[c.role, c.organisationName].filter(Boolean).join(", ")}</span>}
          </li>
        ))}
      </ul>
      {open && results.length === 0 && <p className="absolute z-10 mt-1 w-full rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-500 shadow-lg">No contact matches. Add them on the Contacts page first.</p>}
    </div>
  );
}

/**
 * The share icon at the top right of a document. When sharing is not possible it explains what
 * is missing instead; the server enforces the same rules whatever this shows.
 */
export function ShareButton({ documentId, allowed, explanation, securityLevel }: { documentId: string; allowed: boolean; explanation: string[]; securityLevel: "link" | "link_and_sms" }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [contact, setContact] = useState<ContactOption | null>(null);
  const [formKey, setFormKey] = useState(0);
  // After a successful share the dialog shows a Done state (no Share button to press twice).
  const [sharedWith, setSharedWith] = useState<string | null>(null);
  const titleId = useId();
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setFormKey((k) => k + 1);
          setContact(null);
          setSharedWith(null);
          dialog.current?.showModal();
        }}
        aria-haspopup="dialog"
      >
        <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
          <path d="M14 6.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM6 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM14 18.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM8.2 11.2l3.6 2.1M11.8 5.7 8.2 7.8" />
        </svg>
        Share
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl" onClick={(e) => e.target === e.currentTarget && dialog.current?.close()}>
        <div className="px-5 pt-5 pb-4">
          <h2 id={titleId} className="text-base font-semibold">
            Share this document
          </h2>
          {allowed && sharedWith ? (
            <div className="mt-3 space-y-3 text-sm text-slate-700">
              <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">
                Shared with {sharedWith}. The contact has been emailed a link to the sharing portal.
              </p>
              <p className="text-xs text-slate-500">Their share is listed under &ldquo;Shared with contacts&rdquo; below, where you can resend or revoke it.</p>
              <div className="flex justify-end">
                <Button variant="primary" onClick={() => dialog.current?.close()} autoFocus>
                  Done
                </Button>
              </div>
            </div>
          ) : allowed ? (
            <ActionForm
              key={formKey}
              idempotent
              action={async (prev, data) => {
                const state = await shareDocumentAction(prev, data);
                if (state.ok) setSharedWith(contact?.name ?? "the contact");
                return state;
              }}
              aria-label="Share with a contact"
              className="mt-3"
            >
              <input type="hidden" name="documentId" value={documentId} />
              <input type="hidden" name="contactId" value={contact?.id ?? ""} />
              <FormField name="contactId" label="Select contact">
                <ContactPicker onPick={setContact} />
              </FormField>
              {contact && !contact.hasEmail && <p className="text-sm text-amber-800">This contact has no email address.</p>}
              {contact && securityLevel === "link_and_sms" && !contact.hasMobile && <p className="text-sm text-amber-800">Your clinic asks for a code by text, and this contact has no mobile number.</p>}
              <SharePurposeFields />
              <p className="text-xs text-slate-500">
                {securityLevel === "link_and_sms" ? "They get an email link and, to open it, a code texted to their mobile." : "They get an email link to the sharing portal."} The link expires if it isn&apos;t opened within 24 hours.
              </p>
              <div className="flex justify-end gap-2">
                <Button variant="secondary" onClick={() => dialog.current?.close()}>
                  Close
                </Button>
                <FormSubmit pendingLabel="Sharing…">Share</FormSubmit>
              </div>
            </ActionForm>
          ) : (
            <div className="mt-3 space-y-2 text-sm text-slate-700" role="status">
              {explanation.map((line) => (
                <p key={line}>{line}</p>
              ))}
              <div className="flex justify-end pt-2">
                <Button variant="secondary" onClick={() => dialog.current?.close()}>
                  Close
                </Button>
              </div>
            </div>
          )}
        </div>
      </dialog>
    </>
  );
}

export function ShareActions({ shareId, contactName, canResend, canRevoke }: { shareId: string; contactName: string; canResend: boolean; canRevoke: boolean }) {
  return (
    <div className="flex flex-wrap gap-2">
      {canResend && (
        <ActionForm action={changeShareAction} aria-label={`Resend to ${contactName}`} successMessage="A new link has been sent.">
          <input type="hidden" name="shareId" value={shareId} />
          <input type="hidden" name="change" value="resend" />
          <FormSubmit variant="secondary" pendingLabel="Resending…" className="h-8 px-3">
            Resend
          </FormSubmit>
        </ActionForm>
      )}
      {canRevoke && (
        <ActionForm action={changeShareAction} aria-label={`Revoke ${contactName}'s access`}>
          <input type="hidden" name="shareId" value={shareId} />
          <input type="hidden" name="change" value="revoke" />
          <ConfirmButton size="sm" title={`Revoke ${contactName}'s access?`} description="The link stops working at once, also in a browser where it is already open. To share again, share the document anew." confirmLabel="Revoke access" pendingLabel="Revoking…">
            Revoke
          </ConfirmButton>
        </ActionForm>
      )}
    </div>
  );
}
