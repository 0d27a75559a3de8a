import { sql } from "drizzle-orm";
import type { Database } from "./client";
import * as s from "./schema";
import { BUILT_IN_ROLES, type BuiltInRole } from "../lib/access/permissions";

export const DEMO_PASSWORD = "carebridge-demo";

export const DEMO_ACCOUNTS = [
  { email: "admin@harbour.test", name: "Ava Morgan", role: "admin", teams: [] },
  { email: "maya@harbour.test", name: "Dr Maya Patel", role: "clinician", teams: ["Psychology"] },
  { email: "nina@harbour.test", name: "Dr Nina Okafor", role: "clinician", teams: ["Psychology"] },
  { email: "leo@harbour.test", name: "Dr Leo Chen", role: "clinician", teams: ["Physiotherapy"] },
  { email: "sam@harbour.test", name: "Sam Rivers", role: "medical_secretary", teams: [] },
] as const satisfies readonly { email: string; name: string; role: BuiltInRole; teams: readonly string[] }[];

/** True when the database holds no organisation yet: the only state in which the demo is seeded. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(s.organisations);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds the demo organisation "Harbour Health Group". Refuses to touch a database that has data.
 * `hashPassword` is passed in so this module stays free of server-only imports.
 */
export async function seedDemo(db: Database, hashPassword: (p: string) => Promise<string>): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const [org] = await tx
      .insert(s.organisations)
      .values({ name: "Harbour Health Group", address: "12 Quay Street, Harbourside, HB1 2AA" })
      .returning();
    const orgId = org!.id;

    const roleIds = {} as Record<BuiltInRole, string>;
    for (const [key, def] of Object.entries(BUILT_IN_ROLES) as [BuiltInRole, (typeof BUILT_IN_ROLES)[BuiltInRole]][]) {
      const [role] = await tx.insert(s.roles).values({ organisationId: orgId, name: def.name, builtIn: key, ...def.permissions }).returning();
      roleIds[key] = role!.id;
    }
    const teamRows = await tx.insert(s.teams).values([{ organisationId: orgId, name: "Physiotherapy" }, { organisationId: orgId, name: "Psychology" }]).returning();
    const teamId = (name: string) => teamRows.find((t) => t.name === name)!.id;

    const userIds: Record<string, string> = {};
    for (const a of DEMO_ACCOUNTS) {
      const [u] = await tx.insert(s.users).values({ email: a.email, name: a.name, passwordHash }).returning();
      userIds[a.email] = u!.id;
      await tx.insert(s.memberships).values({ organisationId: orgId, userId: u!.id, roleId: roleIds[a.role] });
      for (const t of a.teams) await tx.insert(s.teamMembers).values({ teamId: teamId(t), userId: u!.id });
    }
    const maya = userIds["maya@harbour.test"]!;
    const leo = userIds["leo@harbour.test"]!;
    const nina = userIds["nina@harbour.test"]!;
    const admin = userIds["admin@harbour.test"]!;
    const sam = userIds["sam@harbour.test"]!;

    const clientRows = await tx
      .insert(s.clients)
      .values([
        { organisationId: orgId, firstName: "Jordan", lastName: "Lee", dateOfBirth: "1988-04-12", email: "jordan.lee@example.test", phone: "+44 7700 900201" },
        { organisationId: orgId, firstName: "Amelia", lastName: "Hart", dateOfBirth: "1975-09-30", email: "amelia.hart@example.test", phone: "+44 7700 900202" },
        { organisationId: orgId, firstName: "Tom", lastName: "Becker", dateOfBirth: "1962-01-05", email: "tom.becker@example.test" },
        { organisationId: orgId, firstName: "Sofia", lastName: "Alvarez", dateOfBirth: "1999-11-21", email: "sofia.alvarez@example.test" },
        { organisationId: orgId, firstName: "Oliver", lastName: "Grant", dateOfBirth: "2010-06-14", email: null },
      ])
      .returning();
    const client = (first: string) => clientRows.find((c) => c.firstName === first)!.id;
    await tx.insert(s.clientAccess).values([
      { clientId: client("Jordan"), userId: maya, grantedById: admin },
      { clientId: client("Amelia"), userId: maya, grantedById: admin },
      { clientId: client("Sofia"), userId: nina, grantedById: admin },
      { clientId: client("Tom"), userId: leo, grantedById: admin },
      { clientId: client("Oliver"), userId: leo, grantedById: admin },
    ]);

    const sessionRows = await tx
      .insert(s.clinicalSessions)
      .values([
        {
          organisationId: orgId, ownerId: maya, teamId: teamId("Psychology"), visibility: "private", title: "Initial assessment — J. Lee",
          status: "in_progress", clientId: client("Jordan"),
          notes: "Presenting with low mood and poor sleep for three months. PHQ-9 score 14.",
          context: "Referred by GP (Dr Priya Shah). First appointment.",
        },
        {
          organisationId: orgId, ownerId: maya, teamId: teamId("Psychology"), visibility: "team", title: "CBT session 3 — A. Hart",
          status: "ready_for_review", clientId: client("Amelia"),
          notes: "Worked on thought records. Homework: daily activity diary.", context: "Weekly CBT block, 8 sessions.",
        },
        {
          organisationId: orgId, ownerId: leo, teamId: teamId("Physiotherapy"), visibility: "private", title: "Knee rehabilitation review — T. Becker",
          status: "draft", clientId: client("Tom"),
          notes: "Range of motion improved to 110°. Continue strengthening programme.", context: "Six weeks after arthroscopy.",
        },
        {
          organisationId: orgId, ownerId: leo, teamId: teamId("Physiotherapy"), visibility: "team", title: "Sports injury assessment — O. Grant",
          status: "completed", clientId: client("Oliver"), notes: "Mild ankle sprain, grade I. RICE advice given.", context: "School football injury.",
        },
      ])
      .returning();

    await tx.insert(s.contacts).values([
      { organisationId: orgId, name: "Dr Priya Shah", organisationName: "Northside GP", role: "GP", email: "gp@northside.test", mobile: "+44 7700 900123" },
      { organisationId: orgId, name: "Claims team", organisationName: "Meridian Health Insurance", role: "Insurer", email: "claims@meridian.test", mobile: "+44 7700 900124" },
      { organisationId: orgId, name: "Dr Henry Walsh", organisationName: "Bayview Orthopaedic Clinic", role: "Specialist", email: "h.walsh@bayview.test", mobile: "+44 7700 900125" },
    ]);

    await tx.insert(s.documents).values([
      {
        organisationId: orgId, clientId: client("Jordan"), sessionId: sessionRows[0]!.id, kind: "letter", authorId: maya, title: "Assessment summary for GP",
        content: { recipient: "Dr Priya Shah, Northside GP", subject: "Assessment summary — Jordan Lee", body: "Dear Dr Shah,\n\nThank you for referring Jordan. We met for an initial assessment and agreed a course of eight CBT sessions.\n\nKind regards,\nDr Maya Patel" },
      },
      {
        organisationId: orgId, clientId: client("Tom"), kind: "prescription", authorId: leo, title: "Pain relief",
        content: { prescriber: "Dr Leo Chen", lines: [{ drug: "Ibuprofen", dose: "400 mg", frequency: "Three times a day with food", quantity: "24 tablets" }] },
      },
      {
        organisationId: orgId, clientId: client("Amelia"), kind: "document", authorId: maya, title: "Activity diary template",
        content: { body: "Record each day's activities and rate mood from 0 to 10." },
      },
      {
        organisationId: orgId, clientId: client("Jordan"), kind: "lab_result", authorId: sam, title: "Thyroid function",
        content: { test: "Thyroid function test", values: [{ name: "TSH", value: 5.9, unit: "mU/L", low: 0.4, high: 4.0 }, { name: "Free T4", value: 13.1, unit: "pmol/L", low: 9.0, high: 19.0 }] },
      },
      {
        organisationId: orgId, clientId: client("Tom"), kind: "invoice", authorId: sam, title: "Invoice INV-1001",
        content: { number: "INV-1001", items: [{ description: "Physiotherapy review (45 min)", quantity: 1, unitPrice: 65 }], taxRate: 0, dueDate: "2026-12-15", paid: false },
      },
    ]);

    await tx.insert(s.intakeForms).values([
      {
        organisationId: orgId, name: "New client intake",
        fields: [
          { id: "reason", label: "What brings you to the clinic?", type: "text", required: true },
          { id: "referral", label: "How did you hear about us?", type: "choice", options: ["GP referral", "Friend or family", "Online", "Other"] },
          { id: "dob", label: "Date of birth", type: "date", required: true },
          { id: "signature", label: "Type your full name as your signature", type: "signature", required: true },
        ],
      },
      {
        organisationId: orgId, name: "Consent to treatment",
        fields: [
          { id: "consent", label: "I consent to assessment and treatment", type: "choice", options: ["Yes", "No"], required: true },
          { id: "date", label: "Date", type: "date", required: true },
          { id: "signature", label: "Type your full name as your signature", type: "signature", required: true },
        ],
      },
    ]);
  });
  return true;
}
