import type { Metadata } from "next";
import { recordMetadata } from "@/lib/records/record-metadata";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentForm } from "@/components/documents/document-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/staff-actor";
import { getDocument } from "@/lib/documents/get-document";
import { saveDocumentAction } from "../../actions";
import { orNotFound } from "@/lib/access/or-not-found";
import { isUuid } from "@/lib/validation/ids";

export async function generateMetadata({ params }: { params: Promise<{ documentId: string }> }): Promise<Metadata> {
  return recordMetadata("document", (await params).documentId, "Edit");
}

export default async function EditDocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const actor = await requireStaff();
  const { documentId } = await params;
  if (!isUuid(documentId)) notFound();
  const data = await orNotFound(getDocument(actor, documentId));
  if (!data.canEdit) notFound();
  const { model } = data;
  return (
    <>
      <PageHeader eyebrow={<Link href={`/documents/${model.id}`} className="hover:underline">{model.title}</Link>} title={`Edit ${model.kindLabel.toLowerCase()}`} description={`For ${model.client.name}`} />
      <Card className="max-w-4xl">
        <CardBody>
          <DocumentForm action={saveDocumentAction} kind={model.kind} clients={[]} documentId={model.id} clientId={data.clientId} title={model.title} doc={model.body} file={model.file} />
        </CardBody>
      </Card>
    </>
  );
}
