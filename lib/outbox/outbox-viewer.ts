import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { firstLink } from "./first-link";

/** The development mail catcher. Refused in production unless OUTBOX_VIEWER=1 (the e2e run sets it). */
export function outboxViewerEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.OUTBOX_VIEWER === "1";
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
