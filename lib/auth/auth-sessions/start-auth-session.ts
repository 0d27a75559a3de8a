import "server-only";
import { getDb } from "@/db/client";
import { staffAuthSessions } from "@/db/schema";
import type { ClientInfo } from "@/lib/request/client-info";
import { summariseUserAgent } from "./device-summary";

/** A staff sign-in on one device: the row the JWT names from now on. Returns its id. */
export async function startAuthSession(input: { userId: string; organisationId: string; client: ClientInfo; now?: Date }): Promise<string> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const [row] = await db
    .insert(staffAuthSessions)
    .values({
      userId: input.userId,
      organisationId: input.organisationId,
      createdAt: now,
      lastActiveAt: now,
      userAgent: summariseUserAgent(input.client.userAgent),
      ip: input.client.ip,
    })
    .returning({ id: staffAuthSessions.id });
  return row!.id;
}
