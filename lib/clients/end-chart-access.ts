import "server-only";
import type { StaffActor } from "@/lib/access/actor";
import { changeShare } from "@/lib/documents/change-share";
import { removeShare } from "@/lib/sessions/remove-share";
import { removeClientAccess } from "./remove-client-access";
import { revokePortalAccess } from "./revoke-portal-access";
import type { EndChartAccessInput } from "./schemas";

/**
 * Access tab → Remove / Revoke on one line: hands the request to the domain function that ends
 * that kind of access everywhere else in the app, which asks the policy itself. Nothing here
 * decides who may do it.
 */
export async function endChartAccess(actor: StaffActor, input: EndChartAccessInput): Promise<void> {
  switch (input.kind) {
    case "access_list":
      return removeClientAccess(actor, { clientId: input.clientId, userId: input.userId });
    case "session_share":
      return removeShare(actor, { sessionId: input.sessionId, userId: input.userId });
    case "portal_login":
      return revokePortalAccess(actor, { clientId: input.clientId, portalAccountId: input.portalAccountId });
    case "external_share":
      return changeShare(actor, { shareId: input.shareId, change: "revoke" });
  }
}
