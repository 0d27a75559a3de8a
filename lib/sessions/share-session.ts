import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { memberships, roles, sessionShares, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { isGrantLive } from "@/lib/access/access-end";
import { maxShareForRole, shareAllowedForRole, type ShareLevel } from "@/lib/access/sessions";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError, conflictAt } from "@/lib/errors";
import { once } from "@/lib/idempotency/once";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { loadSessionFor } from "./load-session";
import type { shareSessionInput } from "./schemas";
import { queueShareMessages } from "./share-messages";

export type ShareOutcome = "shared" | "changed" | "unchanged";

/**
 * Shares a session with one or several active colleagues of the organisation (any team) at one
 * level, all or nothing, in one transaction: one refused person refuses the whole share, so the
 * dialog never leaves half of its list shared. Someone who already has a share gets the new level
 * instead of a second share (who first shared it is kept). An optional end date (`endsOn`) makes
 * the shares end by themselves. Each person is notified in-app and by email, both linking to the session.
 */
export async function shareSession(
  actor: StaffActor,
  input: z.output<typeof shareSessionInput>,
): Promise<{ outcome: ShareOutcome; people: { userId: string; outcome: ShareOutcome }[] }> {
  const db = await getDb();
  const people = await db
    .transaction((tx) => once(tx, { actor, key: input.idempotencyKey, action: "session.share" }, () => shareSessionIn(tx, actor, input)))
    .catch(conflictAt("userIds"));
  const outcome: ShareOutcome = people.some((p) => p.outcome === "shared") ? "shared" : people.some((p) => p.outcome === "changed") ? "changed" : "unchanged";
  if (outcome !== "unchanged") scheduleOutboxDelivery();
  return { outcome, people };
}

/** The share itself, inside the caller's transaction (also used when a request for access is approved). */
export async function shareSessionIn(
  tx: Executor,
  actor: StaffActor,
  input: { sessionId: string; userIds: string[]; access: ShareLevel; endsOn?: Date | null; message?: string },
): Promise<{ userId: string; outcome: ShareOutcome }[]> {
  const userIds = [...new Set(input.userIds)];
  const endsOn = input.endsOn ?? null;
  // The row lock serialises every share change on this session, so parallel shares of the same
  // people cannot both insert (and the unique index backs that up).
  const session = await loadSessionFor(tx, actor, input.sessionId, "session:share", { lock: true });
  // Everyone chosen, with any share they already hold, in one read.
  const found = await tx
    .select({ userId: users.id, name: users.name, email: users.email, sessions: roles.sessions, share: sessionShares })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .leftJoin(sessionShares, and(eq(sessionShares.sessionId, session.id), eq(sessionShares.userId, users.id)))
    .where(and(inArray(memberships.userId, userIds), eq(memberships.organisationId, actor.organisationId), eq(memberships.status, "active")));
  const recipients = userIds.map((userId) => {
    const recipient = found.find((r) => r.userId === userId);
    // The owner already has everything; a Full holder needs no share from themselves; a role
    // without the Sessions area cannot receive one at all.
    if (!recipient || recipient.userId === session.ownerId || recipient.userId === actor.userId || !maxShareForRole(recipient)) {
      throw new AppError("invalid_input", { field: "userIds" });
    }
    if (!shareAllowedForRole(input.access, recipient)) throw new AppError("invalid_input", { field: "access" });
    return recipient;
  });

  const results: { userId: string; outcome: ShareOutcome }[] = [];
  const now = new Date();
  for (const recipient of recipients) {
    const row = recipient.share;
    // A share past its end date is absent: sharing again makes it a new share.
    const existing = row && isGrantLive(row.expiresAt) ? row : undefined;
    if (existing?.access === input.access && existing.expiresAt?.getTime() === endsOn?.getTime()) {
      results.push({ userId: recipient.userId, outcome: "unchanged" });
      continue;
    }
    if (existing) {
      await tx
        .update(sessionShares)
        .set({ access: input.access, levelChangedById: actor.userId, updatedAt: now, expiresAt: endsOn, expiryWarnedAt: null })
        .where(eq(sessionShares.id, existing.id));
    } else if (row) {
      await tx
        .update(sessionShares)
        .set({ access: input.access, grantedById: actor.userId, levelChangedById: null, createdAt: now, updatedAt: now, expiresAt: endsOn, expiryWarnedAt: null })
        .where(eq(sessionShares.id, row.id));
    } else {
      await tx.insert(sessionShares).values({ sessionId: session.id, userId: recipient.userId, access: input.access, grantedById: actor.userId, expiresAt: endsOn });
    }
    await recordStaffAudit(tx, actor, {
      action: existing ? "session.share_level_changed" : "session.shared",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
      metadata: {
        userId: recipient.userId,
        ...(existing ? { from: existing.access } : {}),
        to: input.access,
        withMessage: Boolean(input.message),
        ...(endsOn ? { endsAt: endsOn.toISOString() } : {}),
      },
    });
    // Only the end date moved: nothing new to tell them.
    if (existing?.access !== input.access) {
      await queueShareMessages(tx, { actor, recipient, session, access: input.access, kind: existing ? "changed" : "shared", message: input.message, endsOn });
    }
    results.push({ userId: recipient.userId, outcome: existing ? "changed" : "shared" });
  }
  return results;
}
