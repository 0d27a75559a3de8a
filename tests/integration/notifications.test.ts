import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { countUnread } from "@/lib/notifications/count-unread";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markAllNotificationsRead } from "@/lib/notifications/mark-all-notifications-read";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";
import { ownNotifications } from "@/lib/notifications/notification-dto";
import { notify } from "@/lib/notifications/notify";
import { createMember, createOrganisation } from "../support/factories";

/** Inserts a notification with an explicit time, so "newest first" is deterministic. */
async function seed(userId: string, organisationId: string | null, text: string, minutesAgo: number, extra: { link?: string; read?: boolean } = {}) {
  const db = await getDb();
  const createdAt = new Date(Date.now() - minutesAgo * 60_000);
  const [row] = await db
    .insert(s.notifications)
    .values({ userId, organisationId, kind: "session_shared", text, link: extra.link ?? "/sessions", createdAt, readAt: extra.read ? createdAt : null })
    .returning();
  return row!;
}

async function rowsOf(userId: string) {
  const db = await getDb();
  return db.select().from(s.notifications).where(eq(s.notifications.userId, userId));
}

describe("listing notifications", () => {
  it("returns only the actor's own, newest first, with total, unread and pages", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const me = await createMember(org);
    const colleague = await createMember(org);

    for (let i = 1; i <= 5; i++) await seed(me.userId, org.id, `Mine ${i}`, 10 * i, { read: i === 2 });
    await seed(me.userId, null, "Account-wide", 1); // no organisation: shown in every organisation
    await seed(me.userId, other.id, "From another organisation", 0); // same person, other organisation: not here
    await seed(colleague.userId, org.id, "For a colleague", 0);

    const first = await listNotifications(me, { page: 1, pageSize: 4 });
    expect(first.items.map((n) => n.text)).toEqual(["Account-wide", "Mine 1", "Mine 2", "Mine 3"]);
    expect(first).toMatchObject({ total: 6, unread: 5 });
    const second = await listNotifications(me, { page: 2, pageSize: 4 });
    expect(second.items.map((n) => n.text)).toEqual(["Mine 4", "Mine 5"]);
    expect(second).toMatchObject({ total: 6, unread: 5 });
    expect((await listNotifications(me, { page: 3, pageSize: 4 })).items).toEqual([]);
    expect(await countUnread(me)).toBe(5);

    // A DTO: the fields the UI needs and nothing else (no user or organisation ids).
    const item = first.items[1]!;
    expect(Object.keys(item).sort()).toEqual(["createdAt", "id", "kind", "link", "readAt", "text"]);
    expect(item.createdAt).toBeInstanceOf(Date);
    expect(first.items.find((n) => n.text === "Mine 2")!.readAt).toBeInstanceOf(Date);

    const theirs = await listNotifications(colleague, { page: 1, pageSize: 20 });
    expect(theirs.items.map((n) => n.text)).toEqual(["For a colleague"]);
    expect(theirs).toMatchObject({ total: 1, unread: 1 });
  });

  it("orders items created at the same moment stably across pages", async () => {
    const org = await createOrganisation();
    const me = await createMember(org);
    const db = await getDb();
    const at = new Date();
    await db.insert(s.notifications).values(
      Array.from({ length: 7 }, (_, i) => ({ userId: me.userId, organisationId: org.id, kind: "session_shared", text: `Same ${i}`, link: "/sessions", createdAt: at })),
    );
    const pages = await Promise.all([1, 2, 3].map((page) => listNotifications(me, { page, pageSize: 3 })));
    const ids = pages.flatMap((p) => p.items.map((n) => n.id));
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
  });

  it("never hands out a link that leaves the app", async () => {
    const org = await createOrganisation();
    const me = await createMember(org);
    await seed(me.userId, org.id, "Evil", 3, { link: "https://evil.test/x" });
    await seed(me.userId, org.id, "Protocol-relative", 2, { link: "//evil.test/x" });
    await seed(me.userId, org.id, "Fine", 1, { link: "/sessions/abc?tab=notes" });
    const { items } = await listNotifications(me, { page: 1, pageSize: 10 });
    expect(items.map((n) => n.link)).toEqual(["/sessions/abc?tab=notes", "/notifications", "/notifications"]);
  });

  it("clamps silly page input instead of failing", async () => {
    const org = await createOrganisation();
    const me = await createMember(org);
    await seed(me.userId, org.id, "One", 1);
    const result = await listNotifications(me, { page: 0, pageSize: 10_000 });
    expect(result.items.map((n) => n.text)).toEqual(["One"]);
  });
});

describe("marking notifications read", () => {
  it("marks the recipient's own notification read, keeps the first read time, and returns its link", async () => {
    const org = await createOrganisation();
    const me = await createMember(org);
    const n = await seed(me.userId, org.id, "Shared with you", 1, { link: "/sessions/123" });

    const read = await markNotificationRead(me, { notificationId: n.id });
    expect(read).toMatchObject({ id: n.id, link: "/sessions/123" });
    expect(read.readAt).toBeInstanceOf(Date);
    expect(await countUnread(me)).toBe(0);

    const again = await markNotificationRead(me, { notificationId: n.id });
    expect(again.readAt!.getTime()).toBe(read.readAt!.getTime());
  });

  it("refuses another member's notification as not_found and changes nothing", async () => {
    const org = await createOrganisation();
    const me = await createMember(org);
    const colleague = await createMember(org, { role: "admin" });
    const theirs = await seed(colleague.userId, org.id, "For a colleague", 1);

    await expect(markNotificationRead(me, { notificationId: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    // Not even an admin reaches someone else's.
    const mine = await seed(me.userId, org.id, "For me", 1);
    await expect(markNotificationRead(colleague, { notificationId: mine.id })).rejects.toMatchObject({ code: "not_found" });

    expect((await rowsOf(colleague.userId))[0]!.readAt).toBeNull();
    expect((await rowsOf(me.userId))[0]!.readAt).toBeNull();
    expect((await listNotifications(me, { page: 1, pageSize: 20 })).items.map((n) => n.id)).toEqual([mine.id]);
    // An id that does not exist looks the same.
    await expect(markNotificationRead(me, { notificationId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("does not reach the actor's own notification of another organisation", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const me = await createMember(org);
    const elsewhere = await seed(me.userId, other.id, "Elsewhere", 1);
    await expect(markNotificationRead(me, { notificationId: elsewhere.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await rowsOf(me.userId))[0]!.readAt).toBeNull();
  });

  it("mark all read touches only the actor's unread rows", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const me = await createMember(org);
    const colleague = await createMember(org);
    const alreadyRead = await seed(me.userId, org.id, "Old", 60, { read: true });
    await seed(me.userId, org.id, "A", 2);
    await seed(me.userId, null, "B", 1);
    const elsewhere = await seed(me.userId, other.id, "Other organisation", 1);
    await seed(colleague.userId, org.id, "Colleague's", 1);

    expect(await markAllNotificationsRead(me)).toEqual({ marked: 2 });
    expect(await countUnread(me)).toBe(0);
    expect(await countUnread(colleague)).toBe(1);
    const db = await getDb();
    const [old] = await db.select().from(s.notifications).where(eq(s.notifications.id, alreadyRead.id));
    expect(old!.readAt!.getTime()).toBe(alreadyRead.readAt!.getTime());
    const [stillUnread] = await db.select().from(s.notifications).where(eq(s.notifications.id, elsewhere.id));
    expect(stillUnread!.readAt).toBeNull();
    expect(await markAllNotificationsRead(me)).toEqual({ marked: 0 });
  });
});

describe("notify()", () => {
  it("writes nothing when the caller's transaction rolls back", async () => {
    const org = await createOrganisation();
    const me = await createMember(org);
    const db = await getDb();
    const boom = new Error("rolled back");
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, { userId: me.userId, organisationId: org.id, kind: "session_shared", text: "Never happened", link: "/sessions" });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await rowsOf(me.userId)).toEqual([]);
    expect(await countUnread(me)).toBe(0);

    await db.transaction(async (tx) => {
      await notify(tx, { userId: me.userId, organisationId: org.id, kind: "session_shared", text: "Happened", link: "/sessions" });
    });
    expect((await listNotifications(me, { page: 1, pageSize: 20 })).items.map((n) => n.text)).toEqual(["Happened"]);
  });
});


describe("query plans", () => {
  // Guards "lists filter in SQL using the indexes": with sequential scans priced out, the list and
  // the unread count must be answerable from notifications_user_idx / notifications_unread_idx.
  it("reads through the notifications indexes", async () => {
    const org = await createOrganisation();
    const me = await createMember(org);
    const db = await getDb();
    const list = db.select({ id: s.notifications.id }).from(s.notifications).where(ownNotifications(me)).orderBy(desc(s.notifications.createdAt)).limit(20).toSQL();
    const unread = db.select({ id: s.notifications.id }).from(s.notifications).where(and(ownNotifications(me), isNull(s.notifications.readAt))).toSQL();
    const plan = async (q: { sql: string; params: unknown[] }) =>
      db.transaction(async (tx) => {
        await tx.execute("set local enable_seqscan = off");
        // EXPLAIN takes no bind parameters; the values are uuids made by the test itself.
        const inlined = q.params.reduceRight<string>((text, p, i) => text.replaceAll(`$${i + 1}`, `'${String(p)}'`), q.sql);
        const result = await tx.execute(sql.raw(`explain ${inlined}`));
        return JSON.stringify((result as unknown as { rows: unknown[] }).rows);
      });
    expect(await plan(list)).toContain("notifications_user_idx");
    expect(await plan(unread)).toMatch(/notifications_(unread|user)_idx/);
  });
});
