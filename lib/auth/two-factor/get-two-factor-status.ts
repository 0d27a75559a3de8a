import "server-only";
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations, staffRecoveryCodes, staffTwoFactor } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { findMembership } from "@/lib/organisations/guard";
import { assertCan } from "@/lib/access/can";

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  requiredByOrganisation: boolean;
}

async function statusOf(userId: string, organisationId: string): Promise<TwoFactorStatus> {
  const db = await getDb();
  const [[row], [codes], [org]] = await Promise.all([
    db.select({ enabledAt: staffTwoFactor.enabledAt }).from(staffTwoFactor).where(and(eq(staffTwoFactor.userId, userId), isNotNull(staffTwoFactor.enabledAt))),
    db.select({ n: count() }).from(staffRecoveryCodes).where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt))),
    db.select({ requireTwoFactor: organisations.requireTwoFactor }).from(organisations).where(eq(organisations.id, organisationId)),
  ]);
  return { enabled: Boolean(row), enabledAt: row?.enabledAt ?? null, recoveryCodesLeft: row ? (codes?.n ?? 0) : 0, requiredByOrganisation: org?.requireTwoFactor ?? false };
}

/** The person's own two-factor sign-in, for their account page. */
export function getTwoFactorStatus(actor: StaffActor): Promise<TwoFactorStatus> {
  return statusOf(actor.userId, actor.organisationId);
}

/** A member's, for the admin's member page (whether there is anything to reset). */
export async function getMemberTwoFactorStatus(actor: StaffActor, membershipId: string): Promise<TwoFactorStatus> {
  await assertCan(actor, "settings:edit");
  const membership = await findMembership(await getDb(), actor, membershipId);
  return statusOf(membership.userId, actor.organisationId);
}
