import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { firstLink } from "@/lib/outbox/first-link";

/** The newest message sent to `to` (optionally of one template), read from the outbox table. */
export async function latestMessageTo(to: string, template?: string) {
  const db = await getDb();
  const [message] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, to), template ? eq(outbox.template, template) : undefined))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return message ? { ...message, link: firstLink(message.text) } : null;
}

/** The token at the end of a link such as https://app/invitation/<token>. */
export function tokenFromLink(link: string | null | undefined): string {
  const token = link?.split("/").pop();
  if (!token) throw new Error("no link in the message");
  return token;
}
