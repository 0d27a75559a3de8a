import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientAccess, portalAccountProfiles, sessionShares } from "@/db/schema";
import { liveGrant } from "@/lib/access/access-end";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { findClient } from "@/lib/clients/find-client";
import { loadSessionFor } from "@/lib/sessions/load-session";
import type { SetAccessEndInput } from "./schemas";

/**
 * Sets, moves or clears the end date of one live grant — a session share (the owner and Full
 * holders), a chart's access-list entry (admins) or a portal login's profile (admins). Moving the
 * end re-arms the 3-day warning. A grant already past its end is absent, so it cannot be revived
 * here: share again instead.
 */
export async function setAccessEnd(actor: StaffActor, input: SetAccessEndInput): Promise<void> {
  const db = await getDb();
  const set = { expiresAt: input.endsOn, expiryWarnedAt: null };
  await db.transaction(async (tx) => {
    let target: { type: string; id: string };
    let clientOfSession: string | null = null;
    let updated: unknown[];
    // Nobody moves or clears the end of their own access: a Full holder could make theirs permanent.
    if (input.grant !== "portal_profile" && input.userId === actor.userId) throw new AppError("own_access", { field: "userId" });
    if (input.grant === "session_share") {
      const session = await loadSessionFor(tx, actor, input.sessionId, "session:manage_access", { lock: true });
      target = { type: "clinical_session", id: session.id };
      clientOfSession = session.clientId;
      updated = await tx
        .update(sessionShares)
        .set(set)
        .where(and(eq(sessionShares.sessionId, session.id), eq(sessionShares.userId, input.userId), liveGrant(sessionShares.expiresAt)))
        .returning({ id: sessionShares.id });
    } else if (input.grant === "client_access") {
      await assertCanClient(actor, "client:manage_access", input.clientId, tx);
      const client = await findClient(tx, actor, input.clientId);
      target = { type: "client", id: client.id };
      updated = await tx
        .update(clientAccess)
        .set(set)
        .where(and(eq(clientAccess.clientId, client.id), eq(clientAccess.userId, input.userId), liveGrant(clientAccess.expiresAt)))
        .returning({ userId: clientAccess.userId });
    } else {
      await assertCanClient(actor, "client:invite_portal", input.clientId, tx);
      const client = await findClient(tx, actor, input.clientId);
      target = { type: "client", id: client.id };
      updated = await tx
        .update(portalAccountProfiles)
        .set(set)
        .where(
          and(
            eq(portalAccountProfiles.clientId, client.id),
            eq(portalAccountProfiles.portalAccountId, input.portalAccountId),
            ne(portalAccountProfiles.status, "revoked"),
            liveGrant(portalAccountProfiles.expiresAt),
          ),
        )
        .returning({ clientId: portalAccountProfiles.clientId });
    }
    if (updated.length === 0) throw new AppError("invalid_input", { field: input.grant === "portal_profile" ? "portalAccountId" : "userId" });
    const holder = input.grant === "portal_profile" ? { portalAccountId: input.portalAccountId } : { userId: input.userId };
    await recordStaffAudit(tx, actor, {
      action: "access.end_date_set",
      target,
      clientId: target.type === "client" ? target.id : (clientOfSession ?? null),
      metadata: { grant: input.grant, ...holder, endsAt: input.endsOn?.toISOString() ?? null },
    });
  });
}
