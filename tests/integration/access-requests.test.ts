import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canSeeClient } from "@/lib/access/client-visibility";
import { addDays, clinicDay, endOfClinicDay, lastDayText } from "@/lib/access-ends/end-date";
import { listChartAccess } from "@/lib/clients/list-chart-access";
import { answerAccessRequest } from "@/lib/access-requests/answer-access-request";
import { getAccessRequest } from "@/lib/access-requests/get-access-request";
import { answerAccessRequestInput } from "@/lib/access-requests/schemas";
import { pendingRequest, requestAccess } from "@/lib/access-requests/request-access";
import { createSession } from "@/lib/sessions/create-session";
import { getSession } from "@/lib/sessions/get-session";
import { shareSession } from "@/lib/sessions/share-session";
import { createClient, createMember, createOrganisation } from "../support/factories";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let org: Awaited<ReturnType<typeof createOrganisation>>;
let admin: StaffActor;
let maya: StaffActor; // owner
let leo: StaffActor; // Full holder
let nina: StaffActor; // asks
let tom: StaffActor; // Edit holder: may not answer

beforeAll(async () => {
  org = await createOrganisation("Harbour Health Group");
  admin = await createMember(org, { role: "admin", name: "Ava Morgan", email: "ava.req@harbour.test" });
  maya = await createMember(org, { role: "clinician", name: "Dr Maya Patel", email: "maya.req@harbour.test" });
  leo = await createMember(org, { role: "clinician", name: "Dr Leo Chen", email: "leo.req@harbour.test" });
  nina = await createMember(org, { role: "clinician", name: "Dr Nina Okafor", email: "nina.req@harbour.test" });
  tom = await createMember(org, { role: "clinician", name: "Dr Tom Baker", email: "tom.req@harbour.test" });
});

async function newSession(title = "Initial assessment") {
  const { sessionId } = await createSession(maya, { title, clientId: null, teamId: null, visibility: "private" });
  await shareSession(maya, { sessionId, userIds: [leo.userId], access: "full" });
  await shareSession(maya, { sessionId, userIds: [tom.userId], access: "edit" });
  return sessionId;
}

async function requestRow(requesterId: string, targetId: string) {
  const db = await getDb();
  return db.select().from(s.accessRequests).where(and(eq(s.accessRequests.requesterId, requesterId), eq(s.accessRequests.targetId, targetId)));
}

async function notificationsOf(userId: string, kind: string) {
  const db = await getDb();
  return db.select().from(s.notifications).where(and(eq(s.notifications.userId, userId), eq(s.notifications.kind, kind))).orderBy(desc(s.notifications.createdAt));
}

async function emailsTo(email: string, template: string) {
  const db = await getDb();
  return db.select().from(s.outbox).where(and(eq(s.outbox.to, email), eq(s.outbox.template, template)));
}

describe("asking for access to a session", () => {
  it("reaches the owner and Full holders (notification + email with the answers), once; asking again shows the pending request", async () => {
    const sessionId = await newSession("Requested assessment");
    const first = await requestAccess(nina, { targetType: "clinical_session", targetId: sessionId, level: "edit", message: "Covering Friday." });
    expect(first).toMatchObject({ outcome: "sent", request: { level: "edit" } });
    const again = await requestAccess(nina, { targetType: "clinical_session", targetId: sessionId, level: "view" });
    expect(again).toMatchObject({ outcome: "already_pending", request: { level: "edit" } });
    expect(await requestRow(nina.userId, sessionId)).toHaveLength(1);

    for (const who of [maya, leo]) {
      const [n, ...more] = (await notificationsOf(who.userId, "access_requested")).filter((x) => x.text.includes("Requested assessment"));
      expect(more).toHaveLength(0);
      expect(n!.text).toBe("Dr Nina Okafor asked for access to the session “Requested assessment” (Edit).");
      const [email] = (await emailsTo(who.email, "access-requested")).filter((e) => e.text.includes("Requested assessment"));
      expect(email!.text).toContain("Covering Friday.");
      for (const label of ["Approve at View", "Approve at Edit", "Decline"]) expect(email!.text).toContain(label);
    }
    expect((await notificationsOf(tom.userId, "access_requested")).filter((x) => x.text.includes("Requested assessment"))).toHaveLength(0);
    // Nothing about the record is returned to the requester, and they still have no access.
    expect(JSON.stringify(first)).not.toContain("Requested assessment");
    await expect(getSession(nina, sessionId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("approved at Edit: the requester gets in at Edit and is told; the request cannot be answered twice", async () => {
    const sessionId = await newSession("Approved assessment");
    await requestAccess(nina, { targetType: "clinical_session", targetId: sessionId, level: "view" });
    const [row] = await requestRow(nina.userId, sessionId);
    // An Edit holder sees the session but may not share it: refused.
    await expect(answerAccessRequest(tom, { requestId: row!.id, answer: "edit" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(answerAccessRequest(admin, { requestId: row!.id, answer: "edit" })).rejects.toMatchObject({ code: "not_found" });
    expect(await answerAccessRequest(leo, { requestId: row!.id, answer: "edit" })).toEqual({ outcome: "approved" });
    expect((await getSession(nina, sessionId)).abilities.level).toBe("edit");
    expect((await notificationsOf(nina.userId, "session_shared")).map((n) => n.text)).toContain("Dr Leo Chen gave you Edit access to “Approved assessment”.");
    await expect(answerAccessRequest(maya, { requestId: row!.id, answer: "decline" })).rejects.toMatchObject({ code: "request_answered" });
    expect(await pendingRequest(await getDb(), nina, "clinical_session", sessionId)).toBeNull();
  });

  it("declined: the requester is told without the record being named, and has no access", async () => {
    const sessionId = await newSession("Declined assessment");
    await requestAccess(nina, { targetType: "clinical_session", targetId: sessionId, level: "view" });
    const [row] = await requestRow(nina.userId, sessionId);
    expect(await answerAccessRequest(maya, { requestId: row!.id, answer: "decline" })).toEqual({ outcome: "declined" });
    const [n] = await notificationsOf(nina.userId, "access_request_declined");
    expect(n!.text).toMatch(/^Dr Maya Patel declined your request of \d+ \w{3} \d{4} for View access to a session\.$/);
    // It leads back to the page the request was made from (which names nothing).
    expect(n!.link).toBe(`/sessions/${sessionId}`);
    expect((await emailsTo(nina.email, "access-request-declined")).every((e) => !e.text.includes("Declined assessment"))).toBe(true);
    await expect(getSession(nina, sessionId)).rejects.toMatchObject({ code: "not_found" });
    // A declined request is no longer open: the no-access page offers the form again.
    expect(await pendingRequest(await getDb(), nina, "clinical_session", sessionId)).toBeNull();
  });

  it("an id that is no session of this clinic is answered exactly like a real one, and reaches nobody", async () => {
    const ghost = randomUUID();
    const answer = await requestAccess(nina, { targetType: "clinical_session", targetId: ghost, level: "view" });
    expect(answer).toMatchObject({ outcome: "sent" });
    expect(await requestAccess(nina, { targetType: "clinical_session", targetId: ghost, level: "view" })).toMatchObject({ outcome: "already_pending" });
  });
});

describe("asking for access to a chart", () => {
  it("goes to the admins; approving puts the requester on the access list", async () => {
    const client = await createClient(org.id, { firstName: "Olivia", lastName: "Requested" });
    await requestAccess(nina, { targetType: "client", targetId: client.id });
    const [n] = (await notificationsOf(admin.userId, "access_requested")).filter((x) => x.text.includes("Olivia Requested"));
    expect(n!.text).toBe("Dr Nina Okafor asked for access to the chart of Olivia Requested.");
    expect((await notificationsOf(maya.userId, "access_requested")).filter((x) => x.text.includes("Olivia Requested"))).toHaveLength(0);
    const [row] = await requestRow(nina.userId, client.id);
    await expect(answerAccessRequest(maya, { requestId: row!.id, answer: "approve" })).rejects.toMatchObject({ code: "not_found" });
    await expect(answerAccessRequest(admin, { requestId: row!.id, answer: "edit" })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await answerAccessRequest(admin, { requestId: row!.id, answer: "approve" })).toEqual({ outcome: "approved" });
    expect(await canSeeClient(nina, client.id)).toBe(true);
    expect((await notificationsOf(nina.userId, "client_access_granted")).map((x) => x.text)).toContain("Ava Morgan gave you access to Olivia Requested's chart.");
  });
});

describe("answering with an end date or a reason", () => {
  // Her own requester: each person may send 5 requests an hour.
  let priya: StaffActor;
  beforeAll(async () => {
    priya = await createMember(org, { role: "clinician", name: "Dr Priya Shah", email: "priya.req@harbour.test" });
  });

  it("approved until a day, as the form sends it: the session share and the chart entry end then, and the log says so", async () => {
    const lastDay = addDays(clinicDay(new Date()), 7);
    const sessionId = await newSession("Time-limited assessment");
    await requestAccess(priya, { targetType: "clinical_session", targetId: sessionId, level: "view" });
    const [sessionRequest] = await requestRow(priya.userId, sessionId);
    // The reason field is in the same form: a reason typed, then Approve, is refused rather than lost.
    const form = { requestId: sessionRequest!.id, answer: "view", endsOn: lastDay, reason: "Not sent when approving" };
    expect(answerAccessRequestInput.safeParse(form).error?.issues).toEqual([expect.objectContaining({ path: ["reason"], message: "A reason is sent only with Decline: clear it to approve." })]);
    expect(answerAccessRequestInput.safeParse({ ...form, answer: "decline", reason: "" }).error?.issues).toEqual([expect.objectContaining({ path: ["endsOn"], message: "An end date is for approving: clear it to decline." })]);
    expect(await answerAccessRequest(maya, answerAccessRequestInput.parse({ ...form, reason: "" }))).toEqual({ outcome: "approved" });
    const db = await getDb();
    const [share] = await db.select().from(s.sessionShares).where(and(eq(s.sessionShares.sessionId, sessionId), eq(s.sessionShares.userId, priya.userId)));
    expect(share!.expiresAt).toEqual(endOfClinicDay(lastDay));
    expect((await getSession(priya, sessionId)).abilities.level).toBe("view");
    // The request's page says what was given, by whom.
    expect((await getAccessRequest(maya, sessionRequest!.id)).answer).toMatchObject({ byName: "Dr Maya Patel", given: `at View, until ${lastDayText(endOfClinicDay(lastDay))}` });
    // They are told the end, in the app and by email.
    const shownDay = lastDayText(endOfClinicDay(lastDay));
    expect((await notificationsOf(priya.userId, "session_shared")).map((n) => n.text)).toContain(`Dr Maya Patel gave you View access to “Time-limited assessment”, until ${shownDay}.`);
    expect((await emailsTo(priya.email, "session-shared")).some((e) => e.text.includes(`This access ends at the end of ${shownDay}.`))).toBe(true);

    const client = await createClient(org.id, { firstName: "Tara", lastName: "Limited" });
    await requestAccess(priya, { targetType: "client", targetId: client.id });
    const [chartRequest] = await requestRow(priya.userId, client.id);
    await answerAccessRequest(admin, answerAccessRequestInput.parse({ requestId: chartRequest!.id, answer: "approve", endsOn: lastDay }));
    const [entry] = await db.select().from(s.clientAccess).where(and(eq(s.clientAccess.clientId, client.id), eq(s.clientAccess.userId, priya.userId)));
    expect(entry!.expiresAt).toEqual(endOfClinicDay(lastDay));
    expect((await notificationsOf(priya.userId, "client_access_granted")).map((n) => n.text)).toContain(`Ava Morgan gave you access to Tara Limited's chart, until ${shownDay}.`);
    expect((await emailsTo(priya.email, "client-access-granted")).some((e) => e.text.includes(`This access ends at the end of ${shownDay}.`))).toBe(true);
    // "Who can see this chart" shows the end; once it has passed, the entry is gone there as for the policy.
    expect((await listChartAccess(admin, client.id)).accessList.find((p) => p.userId === priya.userId)?.until).toEqual(endOfClinicDay(lastDay));
    const afterEnd = new Date(endOfClinicDay(lastDay).getTime() + 1000);
    expect((await listChartAccess(admin, client.id, afterEnd)).accessList.map((p) => p.userId)).not.toContain(priya.userId);
    const [approval] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "access.request_approved"), eq(s.auditEvents.targetId, client.id)));
    expect(approval!.metadata).toMatchObject({ endsAt: endOfClinicDay(lastDay).toISOString() });
    // No end date given: open-ended, as before.
    const other = await newSession("Open-ended assessment");
    await requestAccess(priya, { targetType: "clinical_session", targetId: other, level: "edit" });
    const [openRequest] = await requestRow(priya.userId, other);
    await answerAccessRequest(maya, answerAccessRequestInput.parse({ requestId: openRequest!.id, answer: "edit", endsOn: "" }));
    const [open] = await db.select().from(s.sessionShares).where(and(eq(s.sessionShares.sessionId, other), eq(s.sessionShares.userId, priya.userId)));
    expect(open!.expiresAt).toBeNull();
    // A day in the past is refused with the field's message.
    const refused = answerAccessRequestInput.safeParse({ requestId: openRequest!.id, answer: "view", endsOn: "2020-01-31" });
    expect(refused.error?.issues[0]).toMatchObject({ path: ["endsOn"], message: "Choose today or a later date." });
  });

  it("declined with a reason: the requester reads it in the notification and the email; the log records only that there was one", async () => {
    const sessionId = await newSession("Reasoned assessment");
    await requestAccess(priya, { targetType: "clinical_session", targetId: sessionId, level: "view" });
    const [row] = await requestRow(priya.userId, sessionId);
    const reason = "Please ask the duty clinician instead.";
    expect(await answerAccessRequest(maya, answerAccessRequestInput.parse({ requestId: row!.id, answer: "decline", endsOn: "", reason: `  ${reason}  ` }))).toEqual({ outcome: "declined" });
    const [n] = await notificationsOf(priya.userId, "access_request_declined");
    expect(n!.text).toMatch(new RegExp(`^Dr Maya Patel declined your request of \\d+ \\w{3} \\d{4} for View access to a session\\. Reason: ${reason}$`));
    expect((await emailsTo(priya.email, "access-request-declined")).some((e) => e.text.includes(`Their reason: “${reason}”`))).toBe(true);
    const db = await getDb();
    const [decline] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "access.request_declined"), eq(s.auditEvents.targetId, sessionId)));
    expect(decline!.metadata).toMatchObject({ withReason: true });
    expect(JSON.stringify(decline)).not.toContain("duty clinician");
    await expect(getSession(priya, sessionId)).rejects.toMatchObject({ code: "not_found" });
    expect(answerAccessRequestInput.safeParse({ requestId: row!.id, answer: "decline", reason: "x".repeat(501) }).error?.issues[0]?.message).toBe("Keep the reason under 500 characters.");
  });
});

describe("the 14-day life of a request (injected clock)", () => {
  it("is pending and answerable until 14 days after it was sent, then expired: not shown, not answerable, and may be sent again", async () => {
    const sessionId = await newSession("Old request");
    const sent = new Date(Date.now() - 20 * DAY);
    const nina = await createMember(org, { role: "clinician", name: "Dr Nina Later" });
    await requestAccess(nina, { targetType: "clinical_session", targetId: sessionId, level: "view" }, { now: sent });
    const [row] = await requestRow(nina.userId, sessionId);
    const db = await getDb();

    expect(await pendingRequest(db, nina, "clinical_session", sessionId, new Date(sent.getTime() + 14 * DAY - 1))).not.toBeNull();
    expect(await pendingRequest(db, nina, "clinical_session", sessionId, new Date(sent.getTime() + 14 * DAY))).toBeNull();
    await expect(answerAccessRequest(maya, { requestId: row!.id, answer: "view" }, { now: new Date(sent.getTime() + 14 * DAY) })).rejects.toMatchObject({ code: "request_expired" });

    const again = await requestAccess(nina, { targetType: "clinical_session", targetId: sessionId, level: "view" }, { now: new Date(sent.getTime() + 14 * DAY) });
    expect(again.outcome).toBe("sent");
    expect((await requestRow(nina.userId, sessionId)).map((r) => r.status).sort()).toEqual(["expired", "pending"]);
  });
});

describe("one open request per person and record", () => {
  it("50 clicks at once on Request access make one request, one notification and one email per answerer", async () => {
    const sessionId = await newSession("Clicked-many assessment");
    const eager = await createMember(org, { role: "clinician", name: "Dr Eager Asker" });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => requestAccess(eager, { targetType: "clinical_session", targetId: sessionId, level: i % 2 ? "edit" : "view" })),
    );
    expect(results.filter((r) => r.outcome === "sent")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "already_pending")).toHaveLength(49);
    // Every answer shows the one request that was kept, whichever click won.
    const kept = results.find((r) => r.outcome === "sent")!.request.level;
    expect(results.every((r) => r.request.level === kept)).toBe(true);
    expect(await requestRow(eager.userId, sessionId)).toHaveLength(1);
    for (const who of [maya, leo]) {
      expect((await notificationsOf(who.userId, "access_requested")).filter((n) => n.text.startsWith("Dr Eager Asker") && n.text.includes("Clicked-many"))).toHaveLength(1);
      expect((await emailsTo(who.email, "access-requested")).filter((e) => e.text.includes("Dr Eager Asker") && e.text.includes("Clicked-many"))).toHaveLength(1);
    }
    // The duplicates did not use up the hourly allowance: four more records may still be asked about.
    for (let i = 0; i < 4; i++) expect((await requestAccess(eager, { targetType: "client", targetId: randomUUID() })).outcome).toBe("sent");
    await expect(requestAccess(eager, { targetType: "client", targetId: randomUUID() })).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("at most 5 requests per person per hour", () => {
  it("holds under 50 requests at once, and frees up an hour later", async () => {
    const asker = await createMember(org, { role: "clinician", name: "Dr Busy Asker" });
    const now = new Date();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => requestAccess(asker, { targetType: "clinical_session", targetId: randomUUID(), level: "view" }, { now })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(45).fill("rate_limited"));
    await expect(requestAccess(asker, { targetType: "client", targetId: randomUUID() }, { now: new Date(now.getTime() + HOUR - 1) })).rejects.toMatchObject({ code: "rate_limited" });
    expect((await requestAccess(asker, { targetType: "client", targetId: randomUUID() }, { now: new Date(now.getTime() + HOUR) })).outcome).toBe("sent");
  });
});
