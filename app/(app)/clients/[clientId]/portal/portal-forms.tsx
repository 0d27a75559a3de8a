"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import type { FormState } from "@/lib/actions/form-state";
import { buttonClasses } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input, Select } from "@/components/ui/field";
import { RELATIONSHIP_LABELS, RELATIONSHIPS } from "@/lib/clients/schemas";
import { inviteToPortalAction, linkClientContactAction, removeClientLinkAction, revokePortalAccessAction, sendIntakeFormAction } from "../../actions";

// Only one of the two add-contact forms is on the page at a time, so the select keeps the id its
// label (FormField, htmlFor = name) points at. No default: a contact saved as "Self" by mistake
// could be invited to the portal as the client, so the relationship is always chosen.
function RelationshipField() {
  return (
    <FormField name="relationship" label="Relationship to client">
      <Select id="relationship" name="relationship" defaultValue="">
        <option value="" disabled>
          Choose…
        </option>
        {RELATIONSHIPS.map((r) => (
          <option key={r} value={r}>
            {RELATIONSHIP_LABELS[r]}
          </option>
        ))}
      </Select>
    </FormField>
  );
}

/** A yes/no switch that posts "on" when on, like a checkbox. */
function ManageSwitch({ id, defaultOn = false }: { id: string; defaultOn?: boolean }) {
  const [on, setOn] = useState(defaultOn);
  return (
    <div className="flex items-center gap-3">
      <input type="hidden" name="canManage" value={on ? "on" : ""} />
      <button
        type="button"
        id={id}
        role="switch"
        aria-checked={on}
        onClick={() => setOn(!on)}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 focus-visible:outline-none ${on ? "bg-teal-700" : "bg-slate-500"}`}
      >
        <span className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0.5"}`} />
      </button>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        Can manage information <span className="font-normal text-slate-500">({on ? "yes" : "no"})</span>
      </label>
    </div>
  );
}

export function AddContactForms({ clientId, find, candidates }: { clientId: string; find: string; candidates: { id: string; label: string }[] }) {
  const [kind, setKind] = useState<"client" | "contact">("client");
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <fieldset className="mb-4 flex gap-6 text-sm">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Add a contact</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" checked={kind === "client"} onChange={() => setKind("client")} className="accent-teal-700" /> Existing contact (a client)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" checked={kind === "contact"} onChange={() => setKind("contact")} className="accent-teal-700" /> New contact
        </label>
      </fieldset>
      {kind === "client" ? (
        <div className="space-y-4">
          <form role="search" action={`/clients/${clientId}/portal`} className="flex max-w-lg items-end gap-2">
            <div className="flex-1 space-y-1.5">
              <label htmlFor="find" className="block text-sm font-medium text-slate-800">
                Search clients
              </label>
              <Input id="find" name="find" type="search" defaultValue={find} placeholder="Name, date of birth or email" />
            </div>
            <button type="submit" className={buttonClasses({ variant: "secondary" })}>
              Search
            </button>
          </form>
          {find && candidates.length === 0 ? <p className="text-sm text-slate-600">No other client matches “{find}”.</p> : null}
          {candidates.length > 0 ? (
            <ActionForm action={linkClientContactAction} idempotent aria-label="Link an existing client">
              <input type="hidden" name="clientId" value={clientId} />
              <input type="hidden" name="target" value="client" />
              <FormField name="linkedClientId" label="Client">
                <Select id="linkedClientId" name="linkedClientId" defaultValue={candidates[0]!.id}>
                  {candidates.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              </FormField>
              <RelationshipField />
              <ManageSwitch id="canManage-client" />
              <div className="flex gap-2">
                <FormSubmit>Save contact</FormSubmit>
                <Link href={`/clients/${clientId}/portal`} className={buttonClasses({ variant: "ghost" })}>
                  Cancel
                </Link>
              </div>
            </ActionForm>
          ) : null}
        </div>
      ) : (
        <ActionForm action={linkClientContactAction} idempotent aria-label="Add a new contact">
          <input type="hidden" name="clientId" value={clientId} />
          <input type="hidden" name="target" value="contact" />
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField name="name" label="Name">
              <Input id="name" name="name" />
            </FormField>
            <FormField name="email" label="Email (optional)">
              <Input id="email" name="email" type="email" />
            </FormField>
            <FormField name="mobile" label="Mobile (optional)">
              <Input id="mobile" name="mobile" type="tel" />
            </FormField>
          </div>
          <RelationshipField />
          <ManageSwitch id="canManage-contact" />
          <div className="flex gap-2">
            <FormSubmit>Save contact</FormSubmit>
            <Link href={`/clients/${clientId}/portal`} className={buttonClasses({ variant: "ghost" })}>
              Cancel
            </Link>
          </div>
        </ActionForm>
      )}
    </div>
  );
}

/** What Invite did: an invitation emailed, or the profile added at once to a login that already uses this clinic's portal. */
function inviteMessage(state: FormState): string {
  if (state.outcome === "added") return "Added to their portal login, which they already use with this clinic. They were emailed that the profile is there.";
  if (state.outcome === "unchanged") return "Their portal login already has this profile: nothing was sent.";
  return "Invitation sent.";
}

export function InviteForm({ clientId, options }: { clientId: string; options: { value: string; label: string }[] }) {
  return (
    <ActionForm action={inviteToPortalAction} idempotent successMessage={inviteMessage} aria-label="Invite to portal">
      <input type="hidden" name="clientId" value={clientId} />
      <FormField name="who" label="Person to invite">
        <Select id="who" name="who" defaultValue={options[0]!.value}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </FormField>
      {/* On by default: a client invited to their own profile needs it to complete the forms sent to them. */}
      <ManageSwitch id="canManage-invite" defaultOn />
      <FormSubmit pendingLabel="Sending…">Invite to portal</FormSubmit>
    </ActionForm>
  );
}

export function RevokeForm({ clientId, portalAccountId, name }: { clientId: string; portalAccountId: string; name: string }) {
  return (
    <ActionForm action={revokePortalAccessAction} aria-label={`Revoke portal access for ${name}`}>
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="portalAccountId" value={portalAccountId} />
      <ConfirmButton size="sm" variant="secondary" title={`Revoke ${name}'s portal access to this profile?`} description="They will no longer see this profile or its forms in the portal. Other profiles on their login are not affected." confirmLabel="Revoke access">
        Revoke
      </ConfirmButton>
    </ActionForm>
  );
}

export function RemoveLinkForm({ clientId, linkId, name, relationship }: { clientId: string; linkId: string; name: string; relationship: string }) {
  return (
    <ActionForm action={removeClientLinkAction} aria-label={`Remove ${name} (${relationship})`} layout="row">
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="linkId" value={linkId} />
      <ConfirmButton
        size="sm"
        variant="secondary"
        title={`Remove ${name} (${relationship}) from this profile's contacts?`}
        description="They will no longer be offered for portal invitations on this profile. A portal login they already have keeps its access until you revoke it under Portal access."
        confirmLabel="Remove contact"
      >
        Remove<span className="sr-only"> {name}</span>
      </ConfirmButton>
    </ActionForm>
  );
}

export function SendFormForm({ clientId, forms }: { clientId: string; forms: { id: string; name: string }[] }) {
  if (forms.length === 0) return <p className="text-sm text-slate-600">The organisation has no intake forms yet.</p>;
  return (
    <ActionForm action={sendIntakeFormAction} idempotent successMessage="Form sent. Everyone who manages this profile on the portal has been emailed." aria-label="Send intake form" layout="row">
      <input type="hidden" name="clientId" value={clientId} />
      <FormField name="formId" label="Form">
        <Select id="formId" name="formId" defaultValue={forms[0]!.id} options={forms} />
      </FormField>
      <FormSubmit pendingLabel="Sending…">Send form</FormSubmit>
    </ActionForm>
  );
}
