import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { getStaffOrThrow } from "@/lib/auth/staff-actor";
import { firstLink } from "./first-link";
import { mayViewOutbox } from "./outbox-viewer-access";

/**
 * Page guard of the development mail catcher (rules in outbox-viewer-access.ts). Decided per
 * request, never at build time, so OUTBOX_VIEWER=1 set at runtime works on any build. Anyone
 * else gets "not found", which does not reveal that the viewer exists.
 */
export async function requireOutboxViewer(): Promise<void> {
  await connection();
  let actor: StaffActor | null = null;
  try {
    actor = await getStaffOrThrow();
  } catch {
    actor = null;
  }
  if (!mayViewOutbox(process.env, actor)) notFound();
}

export async function listOutboxMessages(opts: { page: number; pageSize: number }) {
  const db = await getDb();
  const [items, [count]] = await Promise.all([
    db
      .select({ id: outbox.id, channel: outbox.channel, to: outbox.to, subject: outbox.subject, text: outbox.text, status: outbox.status, template: outbox.template, createdAt: outbox.createdAt })
      .from(outbox)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(outbox),
  ]);
  return { items: items.map((m) => ({ ...m, preview: m.subject ?? m.text.slice(0, 80) })), total: count?.n ?? 0 };
}

export async function getOutboxMessage(id: string) {
  const db = await getDb();
  const [message] = await db.select().from(outbox).where(eq(outbox.id, id));
  return message ? { ...message, link: firstLink(message.text) } : null;
}
