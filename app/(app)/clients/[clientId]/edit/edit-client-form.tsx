"use client";

import Link from "next/link";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { buttonClasses } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/field";
import { updateClientAction } from "../../actions";

export interface ClientDetailsValues {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  profileLabel: string | null;
}

export function EditClientForm({ client }: { client: ClientDetailsValues }) {
  return (
    <ActionForm action={updateClientAction} aria-label="Edit client details">
      <input type="hidden" name="clientId" value={client.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="firstName" label="First name">
          <Input id="firstName" name="firstName" autoComplete="off" defaultValue={client.firstName} required />
        </FormField>
        <FormField name="lastName" label="Last name">
          <Input id="lastName" name="lastName" autoComplete="off" defaultValue={client.lastName} required />
        </FormField>
        <FormField name="dateOfBirth" label="Date of birth (optional)">
          <Input id="dateOfBirth" name="dateOfBirth" type="date" defaultValue={client.dateOfBirth ?? ""} />
        </FormField>
        <FormField name="email" label="Email (optional)" hint="Changing it doesn't change the email of an existing portal login.">
          <Input id="email" name="email" type="email" autoComplete="off" defaultValue={client.email ?? ""} />
        </FormField>
        <FormField name="phone" label="Phone (optional)">
          <Input id="phone" name="phone" type="tel" autoComplete="off" defaultValue={client.phone ?? ""} />
        </FormField>
      </div>
      <FormField name="address" label="Address (optional)">
        <Textarea id="address" name="address" rows={3} autoComplete="off" defaultValue={client.address ?? ""} />
      </FormField>
      <FormField name="profileLabel" label="Profile label (optional)" hint="What the client sees for this profile in the portal when their login has several, e.g. “Psychology”.">
        <Input id="profileLabel" name="profileLabel" autoComplete="off" maxLength={40} defaultValue={client.profileLabel ?? ""} />
      </FormField>
      <div className="flex gap-2">
        <FormSubmit>Save details</FormSubmit>
        <Link href={`/clients/${client.id}`} className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
      </div>
    </ActionForm>
  );
}
