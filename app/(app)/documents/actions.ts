"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { searchText } from "@/lib/validation/text";
import { DOCUMENT_KINDS } from "@/lib/access/documents";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { searchContacts, type ContactDto } from "@/lib/contacts/list-contacts";
import { saveContact } from "@/lib/contacts/save-contact";
import { contactInput } from "@/lib/contacts/schemas";
import { changeShare } from "@/lib/documents/change-share";
import { defaultTitle, type DocumentContent } from "@/lib/documents/content";
import { contentFromForm } from "@/lib/documents/form-data";
import { MAX_UPLOAD_BYTES, saveDocument } from "@/lib/documents/save-document";
import { documentInput, shareDocumentInput } from "@/lib/documents/schemas";
import { shareDocument } from "@/lib/documents/share-document";
import { DocumentsRefused, refusedDocumentsText } from "@/lib/documents/documents-refused";
import { reshareDocument } from "@/lib/documents/reshare-document";
import { MAX_BULK_REVOKE, revokeShares } from "@/lib/documents/revoke-shares";
import { idempotencyKey } from "@/lib/idempotency/key-field";
import type { ActionResult } from "@/lib/errors";

export async function saveDocumentAction(_prev: FormState, data: FormData): Promise<FormState> {
  const fields = Object.fromEntries(data);
  const kind = String(fields.kind ?? "");
  const upload = data.get("file");
  const hasFile = upload instanceof File && upload.size > 0;
  if (hasFile && upload.size > MAX_UPLOAD_BYTES) return { error: "file_too_large", fieldErrors: { file: "" } };
  const raw = {
    kind,
    documentId: fields.documentId || undefined,
    clientId: fields.clientId,
    title: fields.title ?? "",
    content: (DOCUMENT_KINDS as readonly string[]).includes(kind) ? contentFromForm(kind as (typeof DOCUMENT_KINDS)[number], fields) : {},
    file: hasFile ? Buffer.from(await upload.arrayBuffer()) : undefined,
    filename: hasFile ? upload.name : undefined,
    removeFile: fields.removeFile === "on",
    idempotencyKey: fields.idempotencyKey,
  };
  const { state, result } = await handleStaffForm(documentInput, raw, (actor, input) => {
    const typed = input as unknown as { kind: DocumentContent["kind"]; documentId?: string; idempotencyKey?: string; clientId: string; title: string; content: DocumentContent["content"]; file?: Buffer; filename?: string; removeFile?: boolean };
    return saveDocument(actor, {
      documentId: typed.documentId,
      clientId: typed.clientId,
      kind: typed.kind,
      title: typed.title || defaultTitle({ kind: typed.kind, content: typed.content } as DocumentContent),
      content: typed.content,
      file: typed.file ? { filename: typed.filename ?? "document.pdf", bytes: typed.file } : null,
      removeFile: typed.removeFile,
      idempotencyKey: typed.idempotencyKey,
    });
  });
  if (!result) return state;
  revalidatePath("/documents");
  redirect(`/documents/${result.documentId}`);
}

export async function shareDocumentAction(_prev: FormState, data: FormData): Promise<FormState> {
  let refused: DocumentsRefused | null = null;
  const raw = { ...Object.fromEntries(data), moreDocumentIds: data.getAll("moreDocumentIds") };
  const { state } = await handleStaffForm(shareDocumentInput, raw, (actor, input) =>
    shareDocument(actor, input).catch((e: unknown) => {
      if (e instanceof DocumentsRefused) refused = e;
      throw e;
    }),
  );
  if (state.ok) revalidatePath("/documents", "layout");
  // Several documents refused whole: say which, under the documents list.
  if (refused) state.fieldErrors = { moreDocumentIds: refusedDocumentsText((refused as DocumentsRefused).refused) };
  // An id that names no contact of this organisation (forged, or deleted meanwhile): say what to do, once, at the field.
  if (state.error === "invalid_input" && state.fieldErrors?.contactId === "") state.fieldErrors.contactId = "Choose a contact from the list.";
  return state;
}

export async function changeShareAction(_prev: FormState, data: FormData): Promise<FormState> {
  const input = z.object({ shareId: z.uuid(), change: z.enum(["resend", "revoke"]) });
  const { state } = await handleStaffForm(input, Object.fromEntries(data), changeShare);
  if (state.ok) revalidatePath("/documents", "layout");
  return state;
}

/** "+ New contact" inside the share dialog: adds a contact (never edits one) and hands it back to be chosen. */
export async function addShareContactAction(_prev: FormState, data: FormData): Promise<FormState & { contact?: ContactOption }> {
  const { state, result } = await handleStaffForm(contactInput.omit({ contactId: true }), Object.fromEntries(data), async (actor, input) => {
    const { contactId } = await saveContact(actor, input);
    return { id: contactId, name: input.name, organisationName: input.organisationName, role: input.role, email: input.email, mobile: input.mobile };
  });
  if (!result) return state;
  revalidatePath("/contacts");
  return { ...state, contact: contactOption(result) };
}

const contactOption = (c: Pick<ContactDto, "id" | "name" | "organisationName" | "role" | "email" | "mobile">): ContactOption => ({
  id: c.id,
  name: c.name,
  organisationName: c.organisationName,
  role: c.role,
  hasEmail: Boolean(c.email),
  hasMobile: Boolean(c.mobile),
});

export type ContactOption = Pick<ContactDto, "id" | "name" | "organisationName" | "role"> & { hasEmail: boolean; hasMobile: boolean };

export async function searchContactsAction(q: string): Promise<ActionResult<ContactOption[]>> {
  const { state, result } = await handleStaffForm(searchText(), q, searchContacts);
  if (!result) return { error: state.error ?? "unexpected" };
  return { ok: true, data: result.map(contactOption) };
}

/** "Did not open … — Resend": the document goes to the same contact again, as a new share. */
export async function reshareDocumentAction(_prev: FormState, data: FormData): Promise<FormState> {
  const input = z.object({ shareId: z.uuid(), idempotencyKey });
  const { state, result } = await handleStaffForm(input, Object.fromEntries(data), reshareDocument);
  if (!result) return state;
  revalidatePath("/documents", "layout");
  redirect(`/documents/${result.documentId}?resent=${result.shareId}`);
}

/** "Shared externally": revoke the chosen shares, all or none. */
export async function revokeSharesAction(_prev: FormState, data: FormData): Promise<FormState> {
  const input = z.object({ shareIds: z.array(z.uuid()).min(1, "Choose the shares to revoke.").max(MAX_BULK_REVOKE) });
  const { state } = await handleStaffForm(input, { shareIds: data.getAll("shareIds") }, revokeShares);
  if (state.ok) revalidatePath("/documents", "layout");
  return state;
}
