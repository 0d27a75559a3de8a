import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { DOCUMENT_KINDS, type DocumentKind } from "@/lib/access/documents";
import { BUILT_IN_ROLES, type BuiltInRole } from "@/lib/access/permissions";
import { changeShare } from "@/lib/documents/change-share";
import { getDocument } from "@/lib/documents/get-document";
import { listClientDocuments, listDocuments } from "@/lib/documents/list-documents";
import { shareDocument } from "@/lib/documents/share-document";
import { shareDocumentInput } from "@/lib/documents/schemas";
import { getLanding } from "@/lib/portal/landing";
import { openShareLink } from "@/lib/portal/open-link";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

type Org = Awaited<ReturnType<typeof createOrganisation>>;

/** DESIGN.md: edit on contacts and patients and on the kind's own area, and sharing on. */
const EXPECTED: Record<BuiltInRole, Record<DocumentKind, boolean>> = {
  admin: { letter: true, prescription: true, document: true, lab_result: true, invoice: true },
  clinician: { letter: true, prescription: true, document: true, lab_result: true, invoice: false },
  medical_secretary: { letter: true, prescription: true, document: true, lab_result: true, invoice: true },
};

async function sharesOf(documentId: string) {
  const db = await getDb();
  return db.select().from(s.documentShares).where(eq(s.documentShares.documentId, documentId));
}

describe("who may share which document", () => {
  let org: Org;
  let actors: Record<BuiltInRole, StaffActor>;
  let clientId: string;
  let contactId: string;
  const docs = {} as Record<DocumentKind, string>;

  beforeAll(async () => {
    org = await createOrganisation();
    actors = {
      admin: await createMember(org, { role: "admin" }),
      clinician: await createMember(org, { role: "clinician" }),
      medical_secretary: await createMember(org, { role: "medical_secretary" }),
    };
    clientId = (await createClient(org.id, { accessFor: [actors.clinician.userId] })).id;
    contactId = (await createContact(org.id)).id;
    for (const kind of DOCUMENT_KINDS) docs[kind] = (await createDocument(org.id, { clientId, authorId: actors.admin.userId, kind })).id;
  });

  it("refuses everyone while the organisation's sharing is off, and writes no share", async () => {
    await setSharing(org.id, { sharingEnabled: false });
    for (const role of Object.keys(EXPECTED) as BuiltInRole[]) {
      for (const kind of DOCUMENT_KINDS) {
        const expected = EXPECTED[role][kind] ? "sharing_off" : "forbidden";
        await expect(shareDocument(actors[role], { documentId: docs[kind], contactId, purpose: "continuing_care" }), `${role} ${kind}`).rejects.toMatchObject({ code: expected });
        expect(await sharesOf(docs[kind])).toHaveLength(0);
      }
    }
  });

  for (const role of Object.keys(EXPECTED) as BuiltInRole[]) {
    for (const kind of DOCUMENT_KINDS) {
      it(`${EXPECTED[role][kind] ? "lets" : "refuses"} a ${BUILT_IN_ROLES[role].name} share a ${kind}`, async () => {
        await setSharing(org.id, { sharingEnabled: true, securityLevel: "link_and_sms" });
        const before = (await sharesOf(docs[kind])).length;
        const attempt = shareDocument(actors[role], { documentId: docs[kind], contactId, purpose: "continuing_care" });
        if (EXPECTED[role][kind]) {
          const { shareId } = await attempt;
          const after = await sharesOf(docs[kind]);
          expect(after).toHaveLength(before + 1);
          expect(after.find((x) => x.id === shareId)).toMatchObject({ sharedById: actors[role].userId, securityLevel: "link_and_sms", firstOpenedAt: null });
        } else {
          await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
          expect(await sharesOf(docs[kind])).toHaveLength(before);
        }
      });
    }
  }

  it("a custom role without edit on contacts (or patients) cannot share even a letter", async () => {
    const db = await getDb();
    for (const missing of ["contacts", "patients"] as const) {
      const [role] = await db
        .insert(s.roles)
        .values({ organisationId: org.id, name: `No ${missing} edit`, ...BUILT_IN_ROLES.medical_secretary.permissions, [missing]: "view" })
        .returning();
      const actor = await createMember(org, { roleId: role!.id });
      await expect(shareDocument(actor, { documentId: docs.letter, contactId, purpose: "continuing_care" })).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("a clinician not on the client's access list sees neither the document nor a way to share it", async () => {
    const outsider = await createMember(org, { role: "clinician" });
    await expect(shareDocument(outsider, { documentId: docs.letter, contactId, purpose: "continuing_care" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getDocument(outsider, docs.letter)).rejects.toMatchObject({ code: "not_found" });
    expect((await listDocuments(outsider)).items.map((d) => d.id)).not.toContain(docs.letter);
    await expect(listClientDocuments(outsider, clientId)).rejects.toMatchObject({ code: "not_found" });
    // …and the list and the policy agree for someone on the list.
    const listed = (await listDocuments(actors.clinician)).items.map((d) => d.id).sort();
    expect(listed).toEqual(DOCUMENT_KINDS.map((k) => docs[k]).sort());
  });

  it("another organisation's staff get not_found, like a missing document", async () => {
    const other = await createOrganisation();
    await setSharing(other.id, { sharingEnabled: true });
    const stranger = await createMember(other, { role: "admin" });
    await expect(shareDocument(stranger, { documentId: docs.letter, contactId, purpose: "continuing_care" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getDocument(stranger, docs.letter)).rejects.toMatchObject({ code: "not_found" });
  });

  it("audits every refusal", async () => {
    const db = await getDb();
    const refusals = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "access.refused"), eq(s.auditEvents.actorId, actors.clinician.userId)));
    expect(refusals.some((r) => r.targetId === docs.invoice)).toBe(true);
  });
});

describe("share links", () => {
  let org: Org;
  let sam: StaffActor;
  let documentId: string;
  let contact: Awaited<ReturnType<typeof createContact>>;
  const req = { ip: "203.0.113.9", userAgent: "test" };

  beforeAll(async () => {
    org = await createOrganisation("Harbour Test Clinic");
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
    sam = await createMember(org, { role: "medical_secretary" });
    const client = await createClient(org.id);
    documentId = (await createDocument(org.id, { clientId: client.id, authorId: sam.userId, kind: "letter" })).id;
    contact = await createContact(org.id, { name: "Dr Priya Shah" });
  });

  it("emails a link whose token is not stored, only its hash", async () => {
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const message = await latestMessageTo(contact.email!, "document-shared");
    const token = tokenFromLink(message!.link);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const [share] = (await sharesOf(documentId)).filter((x) => x.id === shareId);
    expect(share!.tokenHash).not.toContain(token);
    expect(message!.text).not.toContain("Referral summary");
  });

  it("reading the link page (as a mail scanner would, any number of times) leaves the share unopened", async () => {
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    const before = (await sharesOf(documentId)).find((x) => x.id === shareId);
    for (let i = 0; i < 5; i++) expect(await getLanding(token)).toMatchObject({ state: "ready", clinicName: "Harbour Test Clinic", securityLevel: "link" });
    const after = (await sharesOf(documentId)).find((x) => x.id === shareId);
    expect(after).toEqual(before);
    expect(after!.firstOpenedAt).toBeNull();
    // The POST (View document) is what opens it.
    expect(await openShareLink(token, req)).toMatchObject({ ok: true, shareId });
    expect((await sharesOf(documentId)).find((x) => x.id === shareId)!.firstOpenedAt).not.toBeNull();
  });

  it("resend kills the old token and any cookie version, and the new one works", async () => {
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const oldToken = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    const opened = await openShareLink(oldToken, req);
    expect(opened).toMatchObject({ ok: true });
    const oldVersion = opened.ok ? opened.linkVersion : 0;

    await changeShare(sam, { shareId, change: "resend" });
    const newToken = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    expect(newToken).not.toBe(oldToken);
    expect(await getLanding(oldToken)).toEqual({ state: "unavailable" });
    expect(await openShareLink(oldToken, req)).toEqual({ ok: false, reason: "unavailable" });
    const share = (await sharesOf(documentId)).find((x) => x.id === shareId)!;
    expect(share.linkVersion).toBe(oldVersion + 1);
    expect(share.firstOpenedAt).toBeNull();
    expect(await openShareLink(newToken, req)).toMatchObject({ ok: true, linkVersion: oldVersion + 1 });
  });

  it("a revoked link looks exactly like an unknown one", async () => {
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    await changeShare(sam, { shareId, change: "revoke" });
    expect(await getLanding(token)).toEqual(await getLanding("x".repeat(43)));
    expect(await openShareLink(token, req)).toEqual(await openShareLink("y".repeat(43), req));
  });

  it("an unopened link expires 24 hours after it was sent", async () => {
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    const sentAt = (await sharesOf(documentId)).find((x) => x.id === shareId)!.sentAt;
    expect(await getLanding(token, new Date(sentAt.getTime() + 24 * 3_600_000 - 1000))).toMatchObject({ state: "ready" });
    expect(await getLanding(token, new Date(sentAt.getTime() + 24 * 3_600_000 + 1000))).toEqual({ state: "expired" });
    expect(await openShareLink(token, { ...req, now: new Date(sentAt.getTime() + 24 * 3_600_000 + 1000) })).toEqual({ ok: false, reason: "expired" });
  });

  it("stores the purpose on the share; 'Other' needs its words and keeps them, other purposes keep none", async () => {
    await expect(shareDocument(sam, { documentId, contactId: contact.id, purpose: "other", purposeNote: "  " })).rejects.toMatchObject({ code: "invalid_input", details: { field: "purposeNote" } });
    const other = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "other", purposeNote: "Court order 12/2026" });
    const referral = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "referral", purposeNote: "left over from Other" });
    const rows = await sharesOf(documentId);
    expect(rows.find((x) => x.id === other.shareId)).toMatchObject({ purpose: "other", purposeNote: "Court order 12/2026" });
    expect(rows.find((x) => x.id === referral.shareId)).toMatchObject({ purpose: "referral", purposeNote: null });
    const page = await getDocument(sam, documentId);
    expect(page.shares.find((x) => x.id === other.shareId)!.purpose).toBe("Other: Court order 12/2026");
    expect(page.shares.find((x) => x.id === referral.shareId)!.purpose).toBe("Referral");
    // The database refuses a purpose outside the list, and "other" without its words.
    const db = await getDb();
    const base = { documentId, organisationId: sam.organisationId, contactId: contact.id, sharedById: sam.userId, securityLevel: "link" as const };
    await expect(db.insert(s.documentShares).values({ ...base, tokenHash: "h1", purpose: "gossip" as never })).rejects.toThrow();
    await expect(db.insert(s.documentShares).values({ ...base, tokenHash: "h2", purpose: "other" })).rejects.toThrow();
    // A share's organisation is its document's: filled in when left out, refused when another.
    const [filled] = await selectRows<{ organisation_id: string }>(
      db,
      sql`insert into document_shares (document_id, contact_id, shared_by_id, token_hash, security_level, purpose)
        values (${documentId}, ${contact.id}, ${sam.userId}, 'h3', 'link', 'referral') returning organisation_id`,
    );
    expect(filled).toEqual({ organisation_id: sam.organisationId });
    const elsewhere = await createOrganisation();
    await expect(db.insert(s.documentShares).values({ ...base, organisationId: elsewhere.id, tokenHash: "h4", purpose: "referral" })).rejects.toThrow();
    // …and the form schema says so at the field.
    const parsed = shareDocumentInput.safeParse({ documentId, contactId: contact.id, purpose: "other" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toContain("purposeNote");
    expect(shareDocumentInput.safeParse({ documentId, contactId: contact.id }).success).toBe(false);
  });

  it("the sender sees each share's state on the document page", async () => {
    const page = await getDocument(sam, documentId);
    const states = new Set(page.shares.map((x) => x.state));
    expect(states.has("revoked")).toBe(true);
    expect(states.has("opened")).toBe(true);
    expect(states.has("sent")).toBe(true);
    expect(page.share.allowed).toBe(true);
  });
});
