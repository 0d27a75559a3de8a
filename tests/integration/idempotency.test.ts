import { randomBytes, randomUUID } from "node:crypto";
import { and, count, eq, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";
import { createClient } from "@/lib/clients/create-client";
import { createSeparateProfile } from "@/lib/clients/create-separate-profile";
import { inviteToPortal } from "@/lib/clients/invite-to-portal";
import { linkClientContact } from "@/lib/clients/link-client-contact";
import { sendIntakeForm } from "@/lib/clients/send-intake-form";
import { setClientAccess } from "@/lib/clients/set-client-access";
import { saveContact } from "@/lib/contacts/save-contact";
import { saveDocument } from "@/lib/documents/save-document";
import { shareDocument } from "@/lib/documents/share-document";
import { AppError } from "@/lib/errors";
import { createTeam } from "@/lib/organisations/create-team";
import { inviteMember } from "@/lib/organisations/invite-member";
import { saveRole } from "@/lib/organisations/save-role";
import { addSessionDocument } from "@/lib/sessions/add-session-document";
import { createSession } from "@/lib/sessions/create-session";
import { shareSession } from "@/lib/sessions/share-session";
import * as f from "../support/factories";

type Org = Awaited<ReturnType<typeof f.createOrganisation>>;

async function countRows(table: PgTable, where: SQL | undefined): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row!.n;
}
const messagesTo = (to: string) => countRows(s.outbox, eq(s.outbox.to, to));
const unique = () => randomBytes(4).toString("hex");

/**
 * One create action: `run` submits it with a key, `rows` counts what it created (scoped to this
 * case's fresh data), `messages` counts the emails it queued. Each case builds fresh data, so it
 * can run more than once (2 and 50 parallel submissions).
 */
interface CreateCase {
  run: (idempotencyKey: string | undefined) => Promise<unknown>;
  rows: () => Promise<number>;
  messages?: () => Promise<number>;
}

let org: Org;
let admin: StaffActor;
let maya: StaffActor;
let leo: StaffActor;

beforeAll(async () => {
  org = await f.createOrganisation();
  await f.setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
  admin = await f.createMember(org, { role: "admin", name: "Ava Admin" });
  maya = await f.createMember(org, { role: "clinician", name: "Dr Maya Patel" });
  leo = await f.createMember(org, { role: "clinician", name: "Dr Leo Chen" });
});

const CASES: Record<string, () => Promise<CreateCase>> = {
  "create session": async () => {
    const title = `Assessment ${unique()}`;
    return {
      run: (key) => createSession(maya, { title, clientId: null, teamId: null, visibility: "private", idempotencyKey: key }),
      rows: () => countRows(s.clinicalSessions, eq(s.clinicalSessions.title, title)),
    };
  },
  "share session": async () => {
    const { sessionId } = await createSession(maya, { title: "Shared", clientId: null, teamId: null, visibility: "private" });
    const colleague = await f.createMember(org, { role: "clinician" });
    return {
      run: (key) => shareSession(maya, { sessionId, userIds: [colleague.userId], access: "view", idempotencyKey: key }),
      rows: () => countRows(s.sessionShares, eq(s.sessionShares.sessionId, sessionId)),
      messages: () => messagesTo(colleague.email),
    };
  },
  "add session document": async () => {
    const client = await f.createClient(org.id, { accessFor: [maya.userId] });
    const { sessionId } = await createSession(maya, { title: "With documents", clientId: client.id, teamId: null, visibility: "private" });
    return {
      run: (key) => addSessionDocument(maya, { sessionId, title: "Summary", body: "Text.", idempotencyKey: key }),
      rows: () => countRows(s.documents, eq(s.documents.sessionId, sessionId)),
    };
  },
  "create client": async () => {
    const lastName = `Client ${unique()}`;
    return {
      run: (key) => createClient(admin, { firstName: "Jordan", lastName, dateOfBirth: null, email: null, phone: null, practitionerId: null, idempotencyKey: key }),
      rows: () => countRows(s.clients, eq(s.clients.lastName, lastName)),
    };
  },
  "create separate profile": async () => {
    const first = await f.createClient(org.id);
    return {
      run: (key) => createSeparateProfile(admin, { clientId: first.id, practitionerId: maya.userId, idempotencyKey: key }),
      rows: () => countRows(s.clientLinks, eq(s.clientLinks.linkedClientId, first.id)),
    };
  },
  "manage access": async () => {
    const client = await f.createClient(org.id);
    const practitioner = await f.createMember(org, { role: "clinician" });
    return {
      run: (key) => setClientAccess(admin, { clientId: client.id, userIds: [practitioner.userId], idempotencyKey: key }),
      rows: () => countRows(s.clientAccess, eq(s.clientAccess.clientId, client.id)),
      messages: () => messagesTo(practitioner.email),
    };
  },
  "link a new contact": async () => {
    const client = await f.createClient(org.id);
    return {
      run: (key) =>
        linkClientContact(admin, { clientId: client.id, target: "contact", name: "Pat Parent", email: null, mobile: null, relationship: "parent", canManage: true, idempotencyKey: key }),
      rows: () => countRows(s.clientLinks, eq(s.clientLinks.clientId, client.id)),
    };
  },
  "invite to portal": async () => {
    const email = `client-${unique()}@example.test`;
    const db = await getDb();
    const [client] = await db.insert(s.clients).values({ organisationId: org.id, firstName: "Quinn", lastName: "Portal", email }).returning();
    return {
      run: (key) => inviteToPortal(admin, { clientId: client!.id, who: "profile", canManage: true, idempotencyKey: key }),
      rows: () => countRows(s.portalAccounts, eq(s.portalAccounts.email, email)),
      messages: () => messagesTo(email),
    };
  },
  "send intake form": async () => {
    const email = `self-${unique()}@example.test`;
    const client = await f.createClient(org.id, { accessFor: [maya.userId] });
    const db = await getDb();
    const [form] = await db.insert(s.intakeForms).values({ organisationId: org.id, name: "Consent", fields: [] }).returning();
    const [account] = await db.insert(s.portalAccounts).values({ email, name: "Self" }).returning();
    await db.insert(s.portalAccountProfiles).values({ portalAccountId: account!.id, clientId: client.id, canManage: true, status: "accepted" });
    return {
      run: (key) => sendIntakeForm(maya, { clientId: client.id, formId: form!.id, idempotencyKey: key }),
      rows: () => countRows(s.intakeRequests, eq(s.intakeRequests.clientId, client.id)),
      messages: () => messagesTo(email),
    };
  },
  "save contact (new)": async () => {
    const name = `Dr Contact ${unique()}`;
    return {
      run: (key) => saveContact(admin, { name, organisationName: null, role: null, email: null, mobile: null, notes: "", idempotencyKey: key }),
      rows: () => countRows(s.contacts, eq(s.contacts.name, name)),
    };
  },
  "new document": async () => {
    const client = await f.createClient(org.id);
    const content = { recipient: "Dr Shah", subject: "Referral", body: "Dear Dr Shah," };
    return {
      run: (key) => saveDocument(admin, { clientId: client.id, kind: "letter", title: "Referral", content, idempotencyKey: key }),
      rows: () => countRows(s.documents, eq(s.documents.clientId, client.id)),
    };
  },
  "share document": async () => {
    const client = await f.createClient(org.id);
    const doc = await f.createDocument(org.id, { clientId: client.id, authorId: admin.userId });
    const contact = await f.createContact(org.id);
    return {
      run: (key) => shareDocument(admin, { documentId: doc.id, contactId: contact.id, purpose: "continuing_care", idempotencyKey: key }),
      rows: () => countRows(s.documentShares, eq(s.documentShares.documentId, doc.id)),
      messages: () => messagesTo(contact.email!),
    };
  },
  "invite member": async () => {
    const email = `new-${unique()}@clinic.test`;
    return {
      run: (key) => inviteMember(admin, { name: "New Person", email, roleId: org.roles.clinician, teamIds: [], idempotencyKey: key }),
      rows: () => countRows(s.users, sql`lower(${s.users.email}) = ${email}`),
      messages: () => messagesTo(email),
    };
  },
  "create team": async () => {
    const name = `Team ${unique()}`;
    return {
      run: (key) => createTeam(admin, { name, idempotencyKey: key }),
      rows: () => countRows(s.teams, and(eq(s.teams.organisationId, org.id), eq(s.teams.name, name))),
    };
  },
  "save role (new)": async () => {
    const name = `Role ${unique()}`;
    return {
      run: (key) => saveRole(admin, { name, permissions: BUILT_IN_ROLES.clinician.permissions, idempotencyKey: key }),
      rows: () => countRows(s.roles, and(eq(s.roles.organisationId, org.id), eq(s.roles.name, name))),
    };
  },
};

// The embedded database has one connection, so its transactions never overlap: 10 shows the same
// as 50 there, in a fraction of the time. PostgreSQL gets the real 50.
const MANY = process.env.TEST_DRIVER === "pglite" ? 10 : 50;

describe.each([2, MANY])("%i parallel submissions of one form (same idempotency key)", (parallel) => {
  it.each(Object.keys(CASES))("%s: one record, one message, every submission gets the first result", async (name) => {
    const c = await CASES[name]!();
    const messagesBefore = (await c.messages?.()) ?? 0;
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: parallel }, () => c.run(key)));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(await c.rows()).toBe(1);
    if (c.messages) expect((await c.messages()) - messagesBefore).toBe(1);
    // A late retry (after the first committed) gets the same answer too.
    expect(await c.run(key)).toEqual(results[0]);
    expect(await c.rows()).toBe(1);
  });
});

describe("idempotency keys", () => {
  it("two different keys are two submissions", async () => {
    const c = await CASES["create session"]!();
    await c.run(randomUUID());
    await c.run(randomUUID());
    expect(await c.rows()).toBe(2);
  });

  it("a refused submission keeps nothing, so the corrected one with the same key goes through", async () => {
    const key = randomUUID();
    const client = await f.createClient(org.id);
    const doc = await f.createDocument(org.id, { clientId: client.id, authorId: admin.userId });
    const noEmail = await f.createContact(org.id, { email: null });
    await expect(shareDocument(admin, { documentId: doc.id, contactId: noEmail.id, purpose: "continuing_care", idempotencyKey: key })).rejects.toMatchObject({ code: "no_contact_email" });
    expect(await countRows(s.idempotencyKeys, eq(s.idempotencyKeys.key, key))).toBe(0);
    const contact = await f.createContact(org.id);
    const { shareId } = await shareDocument(admin, { documentId: doc.id, contactId: contact.id, purpose: "continuing_care", idempotencyKey: key });
    expect(await countRows(s.documentShares, eq(s.documentShares.id, shareId))).toBe(1);
  });

  it("is scoped to the person: another colleague's submission with the same key is their own", async () => {
    const key = randomUUID();
    const title = `Scoped ${unique()}`;
    const a = await createSession(maya, { title, clientId: null, teamId: null, visibility: "private", idempotencyKey: key });
    const b = await createSession(leo, { title, clientId: null, teamId: null, visibility: "private", idempotencyKey: key });
    expect(a.sessionId).not.toBe(b.sessionId);
  });

  it("expires after 24 hours: an old key is a new submission", async () => {
    const c = await CASES["create session"]!();
    const key = randomUUID();
    await c.run(key);
    const db = await getDb();
    await db.update(s.idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(s.idempotencyKeys.key, key));
    await c.run(key);
    expect(await c.rows()).toBe(2);
    const [row] = await db.select().from(s.idempotencyKeys).where(eq(s.idempotencyKeys.key, key));
    expect(Date.now() - row!.createdAt.getTime()).toBeLessThan(60 * 60 * 1000);
  });
});

/** Two tabs without a shared key race for one unique row: each answer is a result or a field message, never a crash. */
describe("unique-index races without a key answer with a field message", () => {
  async function race(n: number, run: () => Promise<unknown>) {
    const settled = await Promise.allSettled(Array.from({ length: n }, run));
    const refusals = settled.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    for (const e of refusals) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).details?.field).toBeTruthy();
    }
    return { ok: settled.length - refusals.length, refusals: refusals as AppError[] };
  }

  it("invite member: one invitation, the others 'already invited' at the email", async () => {
    const email = `race-${unique()}@clinic.test`;
    const { ok, refusals } = await race(10, () => inviteMember(admin, { name: "Racer", email, roleId: org.roles.clinician, teamIds: [] }));
    expect(ok).toBeGreaterThanOrEqual(1);
    for (const e of refusals) expect(e).toMatchObject({ code: "already_invited", details: { field: "email" } });
    expect(await countRows(s.users, sql`lower(${s.users.email}) = ${email}`)).toBe(1);
    // Asked again later, the answer is the same: the invitation is waiting.
    await expect(inviteMember(admin, { name: "Racer", email, roleId: org.roles.clinician, teamIds: [] })).rejects.toMatchObject({ code: "already_invited" });
  });

  it("invite to portal: one login", async () => {
    const email = `race-${unique()}@example.test`;
    const db = await getDb();
    const [client] = await db.insert(s.clients).values({ organisationId: org.id, firstName: "Race", lastName: "Portal", email }).returning();
    const { ok, refusals } = await race(10, () => inviteToPortal(admin, { clientId: client!.id, who: "profile", canManage: true }));
    expect(ok).toBeGreaterThanOrEqual(1);
    for (const e of refusals) expect(e).toMatchObject({ code: "conflict", details: { field: "who" } });
    expect(await countRows(s.portalAccounts, eq(s.portalAccounts.email, email))).toBe(1);
  });

  it("manage access: the practitioner is on the list once", async () => {
    const client = await f.createClient(org.id);
    const { ok, refusals } = await race(10, () => setClientAccess(admin, { clientId: client.id, userIds: [maya.userId] }));
    expect(ok).toBeGreaterThanOrEqual(1);
    for (const e of refusals) expect(e).toMatchObject({ code: "conflict", details: { field: "userIds" } });
    expect(await countRows(s.clientAccess, eq(s.clientAccess.clientId, client.id))).toBe(1);
  });

  it("share session: one share", async () => {
    const { sessionId } = await createSession(maya, { title: "Race", clientId: null, teamId: null, visibility: "private" });
    const { ok, refusals } = await race(10, () => shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit" }));
    expect(ok).toBeGreaterThanOrEqual(1);
    for (const e of refusals) expect(e).toMatchObject({ code: "conflict", details: { field: "userIds" } });
    expect(await countRows(s.sessionShares, eq(s.sessionShares.sessionId, sessionId))).toBe(1);
  });
});
