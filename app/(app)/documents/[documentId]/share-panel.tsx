"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Checkbox, Input } from "@/components/ui/field";
import type { SecurityLevel } from "@/lib/portal/security-level";
import { SharePurposeFields } from "@/components/documents/share-purpose-fields";
import { MoreDocumentsField, type MoreDocumentOption } from "@/components/documents/more-documents-field";
import { addShareContactAction, changeShareAction, searchContactsAction, shareDocumentAction, type ContactOption } from "../actions";

/**
 * Type-ahead contact picker (ARIA combobox): type a name, ↓/↑ to move, Enter to choose. The number
 * of matches is announced, as the colleague search does. `initial` preselects a contact (one just
 * added from the dialog).
 */
function ContactPicker({ initial, onPick, "aria-describedby": describedBy, "aria-invalid": invalid }: { initial: ContactOption | null; onPick: (c: ContactOption | null) => void; "aria-describedby"?: string; "aria-invalid"?: boolean }) {
  const listId = useId();
  const [q, setQ] = useState(initial?.name ?? "");
  const [results, setResults] = useState<ContactOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<ContactOption | null>(initial);
  const [announced, setAnnounced] = useState("");
  const ticket = useRef(0);

  useEffect(() => {
    const term = q.trim();
    if (!term || picked) return;
    const mine = ++ticket.current;
    const t = setTimeout(async () => {
      const r = await searchContactsAction(term).catch(() => null);
      if (mine !== ticket.current) return;
      const found = r && "data" in r ? r.data : [];
      setResults(found);
      setAnnounced(found.length === 0 ? "No contact matches." : found.length === 1 ? "1 contact found." : `${found.length} contacts found.`);
      setActive(0);
      setOpen(true);
    }, 150);
    return () => clearTimeout(t);
  }, [q, picked]);

  function choose(c: ContactOption) {
    setPicked(c);
    setQ(c.name);
    setOpen(false);
    setAnnounced(`${c.name} chosen.`);
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
        aria-describedby={describedBy}
        aria-invalid={invalid}
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
      <p role="status" className="sr-only">
        {announced}
      </p>
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
            {(c.organisationName || c.role) && <span className="text-slate-600"> · {[c.role, c.organisationName].filter(Boolean).join(", ")}</span>}
          </li>
        ))}
      </ul>
      {open && results.length === 0 && <p className="absolute z-10 mt-1 w-full rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600 shadow-lg">No contact matches. Use &ldquo;New contact&rdquo; below to add them.</p>}
    </div>
  );
}

/** Adds a contact without leaving the share dialog; the new contact is then chosen. */
function NewContactForm({ onAdded, onCancel }: { onAdded: (c: ContactOption) => void; onCancel: () => void }) {
  return (
    <ActionForm
      idempotent
      aria-label="New contact"
      action={async (prev, data) => {
        const state = await addShareContactAction(prev, data);
        if (state.contact) onAdded(state.contact);
        return state;
      }}
      className="mt-3"
    >
      <FormField name="name" label="Name">
        <Input id="name" name="name" autoComplete="off" required autoFocus />
      </FormField>
      <FormField name="organisationName" label="Organisation (optional)">
        <Input id="organisationName" name="organisationName" autoComplete="off" />
      </FormField>
      <FormField name="role" label="Role (optional)" hint="For example GP, Claims handler.">
        <Input id="role" name="role" autoComplete="off" />
      </FormField>
      <FormField name="email" label="Email" hint="The link to the document is sent here.">
        <Input id="email" name="email" type="email" autoComplete="off" required />
      </FormField>
      <FormField name="mobile" label="Mobile (optional)" hint="For a code by text, in international format, e.g. +44 7700 900123.">
        <Input id="mobile" name="mobile" type="tel" autoComplete="off" />
      </FormField>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Back
        </Button>
        <FormSubmit pendingLabel="Adding…">Add contact</FormSubmit>
      </div>
    </ActionForm>
  );
}

/**
 * The share icon at the top right of a document. When sharing is not possible it explains what
 * is missing instead (with a link to Settings → Sharing for those who can turn it on); the server
 * enforces the same rules whatever this shows.
 */
export function ShareButton({
  documentId,
  allowed,
  explanation,
  settingsHref,
  canAddContact,
  securityLevel,
  moreDocuments,
  openWith = null,
}: {
  documentId: string;
  /** The client's other documents the sender may share too ("Add documents of this client"). */
  moreDocuments: MoreDocumentOption[];
  /** Opens the dialog as the page loads, with these of `moreDocuments` already added (chosen on the chart). */
  openWith?: string[] | null;
  allowed: boolean;
  explanation: string[];
  settingsHref: string | null;
  canAddContact: boolean;
  securityLevel: SecurityLevel;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [contact, setContact] = useState<ContactOption | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [adding, setAdding] = useState(false);
  const [codeByEmail, setCodeByEmail] = useState(false);
  // After a successful share the dialog shows a Done state (no Share button to press twice).
  const [sharedWith, setSharedWith] = useState<{ name: string; documents: number } | null>(null);
  const titleId = useId();
  const noMobile = Boolean(contact && securityLevel === "link_and_sms" && !contact.hasMobile);
  // Focus starts in the first field each time the dialog opens (the form is new each time).
  useEffect(() => {
    if (formKey > 0 && !adding) dialog.current?.querySelector<HTMLElement>("#contactId")?.focus();
  }, [formKey, adding]);
  const hint =
    securityLevel === "link_and_sms"
      ? "They get an email link and, to open it, a code texted to their mobile."
      : securityLevel === "link_and_email_code"
        ? "They get an email link and, to open it, a code in a second email."
        : "They get an email link to the sharing portal.";
  const openDialog = () => {
    setFormKey((k) => k + 1);
    setContact(null);
    setAdding(false);
    setCodeByEmail(false);
    setSharedWith(null);
    dialog.current?.showModal();
  };
  // Documents chosen together on the chart: the dialog is open when the page arrives.
  const [preselected, setPreselected] = useState<string[]>(openWith ?? []);
  const opened = useRef(false);
  useEffect(() => {
    if (openWith && !opened.current) {
      opened.current = true;
      openDialog();
      // Opened once: a reload or a bookmark of this page shows the document, not the dialog again.
      const url = new URL(window.location.href);
      url.searchParams.delete("share");
      window.history.replaceState(window.history.state, "", url);
    }
  }, [openWith]);
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setPreselected([]);
          openDialog();
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
            {adding ? "New contact" : "Share this document"}
          </h2>
          {allowed && sharedWith ? (
            <div className="mt-3 space-y-3 text-sm text-slate-700">
              <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">
                {sharedWith.documents > 1 ? `Shared ${sharedWith.documents} documents with ${sharedWith.name}` : `Shared with ${sharedWith.name}`}. The contact has been emailed a link to the sharing portal.
              </p>
              <p className="text-xs text-slate-600">Their share is listed under &ldquo;Shared with contacts&rdquo; below, where you can resend or revoke it.</p>
              <div className="flex justify-end">
                <Button variant="primary" onClick={() => dialog.current?.close()} autoFocus>
                  Done
                </Button>
              </div>
            </div>
          ) : allowed ? (
            <>
              {adding && (
                <NewContactForm
                  key={formKey}
                  onAdded={(c) => {
                    setContact(c);
                    setAdding(false);
                  }}
                  onCancel={() => setAdding(false)}
                />
              )}
              <div hidden={adding}>
                <ActionForm
                  key={formKey}
                  idempotent
                  action={async (prev, data) => {
                    const state = await shareDocumentAction(prev, data);
                    if (state.ok) setSharedWith({ name: contact?.name ?? "the contact", documents: data.getAll("moreDocumentIds").length + 1 });
                    return state;
                  }}
                  aria-label="Share with a contact"
                  className="mt-3"
                >
                  <input type="hidden" name="documentId" value={documentId} />
                  <input type="hidden" name="contactId" value={contact?.id ?? ""} />
                  <FormField name="contactId" label="Contact" hint={`${hint} The link expires if it isn't opened within 24 hours.`}>
                    <ContactPicker key={contact?.id ?? "none"} initial={contact} onPick={setContact} />
                  </FormField>
                  {canAddContact && (
                    <Button variant="ghost" size="sm" onClick={() => setAdding(true)} className="-mt-2">
                      + New contact
                    </Button>
                  )}
                  {contact && !contact.hasEmail && (
                    <p className="text-sm text-amber-800" role="status">
                      {contact.name} has no email address, so the link can&apos;t be sent. Add one on the Contacts page.
                    </p>
                  )}
                  {noMobile && contact?.hasEmail && (
                    <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
                      <p>Your clinic asks for a code by text, and {contact.name} has no mobile number.</p>
                      <Checkbox
                        id="codeByEmail"
                        name="codeByEmail"
                        className="mt-2"
                        checked={codeByEmail}
                        onChange={(e) => setCodeByEmail(e.target.checked)}
                        label="Send the code by email instead, for this share"
                        hint="The code goes to the same inbox as the link. This choice is recorded."
                      />
                    </div>
                  )}
                  <MoreDocumentsField documents={moreDocuments} initial={preselected} />
                  <SharePurposeFields />
                  <div className="flex justify-end gap-2">
                    <Button variant="secondary" onClick={() => dialog.current?.close()}>
                      Close
                    </Button>
                    <FormSubmit pendingLabel="Sharing…" disabled={noMobile && !codeByEmail}>
                      Share
                    </FormSubmit>
                  </div>
                </ActionForm>
              </div>
            </>
          ) : (
            <div className="mt-3 space-y-2 text-sm text-slate-700" role="status">
              {explanation.map((line) => (
                <p key={line}>{line}</p>
              ))}
              <div className="flex justify-end gap-2 pt-2">
                {settingsHref && (
                  <ButtonLink href={settingsHref} variant="primary">
                    Open Settings → Sharing
                  </ButtonLink>
                )}
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
          {/* Quiet on each row (one of many); the confirmation dialog carries the warning. */}
          <ConfirmButton size="sm" variant="ghost" className="text-red-700 hover:bg-red-50 hover:text-red-800" title={`Revoke ${contactName}'s access?`} description="The link stops working at once, also in a browser where it is already open. To share again, share the document anew." confirmLabel="Revoke access" pendingLabel="Revoking…">
            Revoke
          </ConfirmButton>
        </ActionForm>
      )}
    </div>
  );
}
