import type { Metadata } from "next";
import { recordMetadata } from "@/lib/records/record-metadata";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canContacts } from "@/lib/access/documents";
import { requireStaffWith } from "@/lib/access/require-area";
import { getContact } from "@/lib/contacts/list-contacts";
import { ArchiveContactForm, ContactForm } from "../contact-forms";
import { orNotFound } from "@/lib/access/or-not-found";
import { isUuid } from "@/lib/validation/ids";

export async function generateMetadata({ params }: { params: Promise<{ contactId: string }> }): Promise<Metadata> {
  return recordMetadata("contact", (await params).contactId);
}

export default async function ContactPage({ params, searchParams }: { params: Promise<{ contactId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireStaffWith("contacts:view");
  const { contactId } = await params;
  const { saved } = await searchParams;
  if (!isUuid(contactId)) notFound();
  const contact = await orNotFound(getContact(actor, contactId));
  const canEdit = contact.editable;
  // Archiving and restoring need contacts:edit only; the details may also need the chart's portal.
  const mayEditContacts = canContacts(actor, "edit");
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/contacts" className="hover:underline">Contacts</Link>}
        title={
          <span className="flex items-center gap-2">
            {contact.name} {contact.archived && <Badge>Archived</Badge>}
          </span>
        }
        description={[contact.role, contact.organisationName].filter(Boolean).join(" · ") || undefined}
        actions={mayEditContacts ? <ArchiveContactForm contact={contact} /> : undefined}
      />
      {saved && !contact.archived && <Alert tone="success" className="mb-4 max-w-3xl">Contact added.</Alert>}
      {contact.archived && (
        <Alert tone="info" className="mb-4 max-w-3xl">
          This contact is archived: they can&apos;t be chosen for new shares and their details can&apos;t be changed.{mayEditContacts ? " Restore them to edit or share again." : ""}
        </Alert>
      )}
      <Card className="max-w-3xl">
        <CardHeader
          title="Details"
          description={
            canEdit
              ? contact.portalContact
                ? "A client's portal contact: their email is where that client's portal invitations go."
                : undefined
              : contact.portalContact && mayEditContacts
                ? "A client's portal contact: their details belong to that client's chart, and only someone who manages the client's portal can change them."
                : "You can view contacts but not change them."
          }
        />
        <CardBody>
          {/* Keyed on the archived state: archiving or restoring starts the form afresh (no stale "Contact saved."). */}
          <ContactForm key={contact.archived ? "archived" : "active"} contact={contact} disabled={!canEdit || contact.archived} />
        </CardBody>
      </Card>
    </>
  );
}
