"use client";

import { useState } from "react";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Checkbox, Input } from "@/components/ui/field";
import type { SharingSettings } from "@/lib/documents/sharing-settings";
import { updateSharingSettingsAction } from "./actions";

const LEVELS = [
  {
    value: "link",
    label: "Link only",
    hint: "The contact opens the document from the emailed link. Quicker for them; anyone who gets hold of the email can open it.",
  },
  {
    value: "link_and_sms",
    label: "Link and a code sent to the contact's mobile",
    hint: "After opening the link, the contact asks for a 6-digit code that is texted to the mobile number on their contact record. Recommended for clinical documents. For a contact with no mobile, the sender may choose a code by email for that share.",
  },
  {
    value: "link_and_email_code",
    label: "Link and a code sent by email",
    hint: "After opening the link, the contact asks for a 6-digit code sent to their email address. Stops a forwarded or scanned link from opening the document, but anyone who reads the contact's inbox can get both.",
  },
] as const;

export function SharingSettingsForm({ settings }: { settings: SharingSettings }) {
  const [limit, setLimit] = useState(settings.openedLinkMaxDays != null);
  return (
    <ActionForm action={updateSharingSettingsAction} aria-label="Sharing settings" successMessage="Sharing settings saved.">
      <Checkbox
        id="sharingEnabled"
        name="sharingEnabled"
        defaultChecked={settings.sharingEnabled}
        label="Allow document sharing with external contacts"
        hint="When off, nobody can share, and links already sent stop working until sharing is turned back on."
      />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-900">Security level</legend>
        {LEVELS.map((l) => (
          <label key={l.value} className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-teal-600 has-[:checked]:bg-teal-50/50">
            <input type="radio" name="securityLevel" value={l.value} defaultChecked={settings.securityLevel === l.value} className="mt-1 accent-teal-700" />
            <span>
              <span className="block text-sm font-medium text-slate-900">{l.label}</span>
              <span className="block text-sm text-slate-600">{l.hint}</span>
            </span>
          </label>
        ))}
        <p className="text-xs text-slate-500">A change applies to documents shared (or resent) from now on.</p>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">How long links last</legend>
        <p className="text-sm text-slate-600">
          A link that is not opened within 24 hours expires. Once opened, it stays valid until you revoke the share — unless you set a maximum lifetime here.
        </p>
        <Checkbox
          id="remindBeforeLinkExpiry"
          name="remindBeforeLinkExpiry"
          defaultChecked={settings.remindBeforeLinkExpiry}
          label="Remind the contact 4 hours before an unopened link expires"
          hint="One reminder email per share, only while the link is still unopened. Whether or not this is on, the sender is told when a link expires unopened."
        />
        <Checkbox id="limitOpened" name="limitOpened" checked={limit} onChange={(e) => setLimit(e.target.checked)} label="Limit how long an opened link stays valid" />
        {limit && (
          <FormField name="openedLinkMaxDays" label="Days after first opening">
            <Input id="openedLinkMaxDays" name="openedLinkMaxDays" type="number" min={1} max={3650} inputMode="numeric" defaultValue={settings.openedLinkMaxDays ?? 30} className="max-w-32" />
          </FormField>
        )}
      </fieldset>
      <FormSubmit>Save sharing settings</FormSubmit>
    </ActionForm>
  );
}
