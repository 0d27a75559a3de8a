"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input, Textarea } from "@/components/ui/field";
import type { ContactDto } from "@/lib/contacts/list-contacts";
import { formatMobile } from "@/lib/contacts/schemas";
import { archiveContactAction, saveContactAction } from "./actions";

export function ContactForm({ contact, disabled }: { contact?: ContactDto; disabled?: boolean }) {
  return (
    <ActionForm action={saveContactAction} idempotent={!contact} aria-label={contact ? "Edit contact" : "Add a contact"} successMessage={contact ? "Contact saved." : undefined}>
      {contact && <input type="hidden" name="contactId" value={contact.id} />}
      <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
        <FormField name="name" label="Name">
          <Input id="name" name="name" defaultValue={contact?.name} placeholder="e.g. Dr Priya Shah" autoComplete="off" />
        </FormField>
        <FormField name="organisationName" label="Organisation" hint="Optional">
          <Input id="organisationName" name="organisationName" defaultValue={contact?.organisationName ?? ""} placeholder="e.g. Northside GP" />
        </FormField>
        <FormField name="role" label="Role" hint="Optional, e.g. GP, insurer, specialist">
          <Input id="role" name="role" defaultValue={contact?.role ?? ""} />
        </FormField>
        <FormField name="email" label="Email" hint="Shared documents are sent here.">
          <Input id="email" name="email" type="email" defaultValue={contact?.email ?? ""} autoComplete="off" />
        </FormField>
        <FormField name="mobile" label="Mobile" hint="Codes for the sharing portal are texted here.">
          <Input id="mobile" name="mobile" type="tel" defaultValue={contact?.mobile ? formatMobile(contact.mobile) : ""} placeholder="+44 7700 900123" autoComplete="off" />
        </FormField>
        <div className="sm:col-span-2">
          <FormField name="notes" label="Notes" hint="Optional">
            <Textarea id="notes" name="notes" rows={3} defaultValue={contact?.notes ?? ""} />
          </FormField>
        </div>
      </fieldset>
      {!disabled && <FormSubmit>{contact ? "Save contact" : "Add contact"}</FormSubmit>}
    </ActionForm>
  );
}

export function ArchiveContactForm({ contact }: { contact: ContactDto }) {
  return (
    <ActionForm action={archiveContactAction} aria-label={contact.archived ? "Restore contact" : "Archive contact"} successMessage={contact.archived ? "Contact archived." : "Contact restored."}>
      <input type="hidden" name="contactId" value={contact.id} />
      {contact.archived ? (
        <>
          <input type="hidden" name="restore" value="1" />
          <FormSubmit variant="secondary" pendingLabel="Restoring…">
            Restore contact
          </FormSubmit>
        </>
      ) : (
        <ConfirmButton
          variant="secondary"
          title={`Archive ${contact.name}?`}
          description="They disappear from the contact list and can no longer be chosen for new shares. Documents already shared with them stay shared until you revoke them on each document."
          confirmLabel="Archive contact"
          pendingLabel="Archiving…"
        >
          Archive
        </ConfirmButton>
      )}
    </ActionForm>
  );
}
