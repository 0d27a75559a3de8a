import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { staffPendingSignIns } from "@/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import type { ClientInfo } from "@/lib/request/client-info";
import { verifyStaffCredentials, type CredentialCheck } from "../verify-staff-credentials";
import { PENDING_SIGN_IN_MINUTES } from "./codes";

export type BeginSignIn = { ok: true; ticket: string; secondFactor: boolean } | Extract<CredentialCheck, { ok: false }>;

// Without a second factor the ticket is redeemed in the same request: a minute is plenty.
const TICKET_MINUTES_WITHOUT_CODE = 1;

/**
 * The password step of a staff sign-in. A right password gives a single-use ticket (a random
 * token; only its hash is stored) that Auth.js exchanges for an auth session — at once when the
 * person has no second factor, after their code when they have one (verify-sign-in-code.ts).
 */
export async function beginStaffSignIn(input: { email: string; password: string; client: ClientInfo; now?: Date }): Promise<BeginSignIn> {
  const checked = await verifyStaffCredentials(input);
  if (!checked.ok) return checked;
  const now = input.now ?? new Date();
  const ticket = newToken();
  const db = await getDb();
  const minutes = checked.secondFactor ? PENDING_SIGN_IN_MINUTES : TICKET_MINUTES_WITHOUT_CODE;
  await db.insert(staffPendingSignIns).values({
    ticketHash: hashToken(ticket),
    userId: checked.userId,
    organisationId: checked.organisationId,
    needsSecondFactor: checked.secondFactor,
    expiresAt: new Date(now.getTime() + minutes * 60_000),
    createdAt: now,
  });
  // Spent tickets are worthless; a day's worth stays for anyone investigating a sign-in.
  await db.delete(staffPendingSignIns).where(and(eq(staffPendingSignIns.userId, checked.userId), lt(staffPendingSignIns.expiresAt, new Date(now.getTime() - 86_400_000))));
  return { ok: true, ticket, secondFactor: checked.secondFactor };
}
