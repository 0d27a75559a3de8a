import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { BUILT_IN_ROLES, type BuiltInRole } from "@/lib/access/permissions";
import type { StaffActor } from "@/lib/access/actor";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { hashPassword } from "@/lib/auth/password";

/** Test data built through the real schema: an organisation with the built-in roles. */
export async function createOrganisation(name = `Clinic ${randomBytes(3).toString("hex")}`) {
  const db = await getDb();
  const [org] = await db.insert(s.organisations).values({ name }).returning();
  const roles = {} as Record<BuiltInRole, string>;
  for (const [key, def] of Object.entries(BUILT_IN_ROLES) as [BuiltInRole, (typeof BUILT_IN_ROLES)[BuiltInRole]][]) {
    const [role] = await db.insert(s.roles).values({ organisationId: org!.id, name: def.name, builtIn: key, ...def.permissions }).returning();
    roles[key] = role!.id;
  }
  return { id: org!.id, name, roles };
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct-horse-battery";

export async function createMember(
  org: { id: string; roles: Record<BuiltInRole, string> },
  opts: { role?: BuiltInRole; roleId?: string; name?: string; email?: string; teamIds?: string[] } = {},
): Promise<StaffActor> {
  const db = await getDb();
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = opts.email ?? `${randomBytes(4).toString("hex")}@clinic.test`;
  const [user] = await db.insert(s.users).values({ email, name: opts.name ?? `Person ${email}`, passwordHash: await cachedHash }).returning();
  await db.insert(s.memberships).values({ organisationId: org.id, userId: user!.id, roleId: opts.roleId ?? org.roles[opts.role ?? "clinician"] });
  for (const teamId of opts.teamIds ?? []) await db.insert(s.teamMembers).values({ teamId, userId: user!.id });
  return (await loadStaffActor(user!.id, org.id))!;
}

export async function createTeam(orgId: string, name = `Team ${randomBytes(3).toString("hex")}`) {
  const db = await getDb();
  const [team] = await db.insert(s.teams).values({ organisationId: orgId, name }).returning();
  return team!;
}

/** A client profile; `accessFor` puts practitioners on its access list. */
export async function createClient(orgId: string, opts: { firstName?: string; lastName?: string; accessFor?: string[] } = {}) {
  const db = await getDb();
  const [client] = await db
    .insert(s.clients)
    .values({ organisationId: orgId, firstName: opts.firstName ?? "Test", lastName: opts.lastName ?? `Client ${randomBytes(2).toString("hex")}` })
    .returning();
  for (const userId of opts.accessFor ?? []) await db.insert(s.clientAccess).values({ clientId: client!.id, userId });
  return client!;
}

export async function createContact(orgId: string, opts: { name?: string; email?: string | null; mobile?: string | null } = {}) {
  const db = await getDb();
  const [contact] = await db
    .insert(s.contacts)
    .values({
      organisationId: orgId,
      name: opts.name ?? "Dr Test Contact",
      email: opts.email === undefined ? `${randomBytes(4).toString("hex")}@gp.test` : opts.email,
      mobile: opts.mobile === undefined ? "+44 7700 900999" : opts.mobile,
    })
    .returning();
  return contact!;
}

const SAMPLE_CONTENT = {
  letter: { recipient: "Dr Test", subject: "Referral summary", body: "Dear Dr Test,\n\nSummary." },
  prescription: { prescriber: "Dr Test", lines: [{ drug: "Ibuprofen", dose: "400 mg", frequency: "Three times a day", quantity: "24 tablets" }] },
  document: { body: "Notes." },
  lab_result: { test: "Thyroid", values: [{ name: "TSH", value: 5.9, unit: "mU/L", low: 0.4, high: 4 }] },
  invoice: { number: "INV-1", items: [{ description: "Review", quantity: 1, unitPrice: 65 }], taxRate: 0, dueDate: "2026-12-15", paid: false },
} as const;

export async function createDocument(orgId: string, opts: { clientId: string; authorId: string; kind?: keyof typeof SAMPLE_CONTENT; title?: string }) {
  const db = await getDb();
  const kind = opts.kind ?? "letter";
  const [doc] = await db
    .insert(s.documents)
    .values({ organisationId: orgId, clientId: opts.clientId, authorId: opts.authorId, kind, title: opts.title ?? `Test ${kind}`, content: SAMPLE_CONTENT[kind] })
    .returning();
  return doc!;
}

export async function setSharing(orgId: string, settings: { sharingEnabled?: boolean; securityLevel?: "link" | "link_and_sms" | "link_and_email_code"; openedLinkMaxDays?: number | null }) {
  const db = await getDb();
  await db.update(s.organisations).set(settings).where(eq(s.organisations.id, orgId));
}
