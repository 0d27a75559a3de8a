import { z } from "zod";

/** Every audited action, in one place. */
export const AuditAction = z.enum([
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.sign_in_rate_limited",
  "auth.signed_out",
  "access.refused",
  "member.invited",
  "member.reinvited",
  "member.invitation_resent",
  "member.invitation_revoked",
  "member.invitation_accepted",
  "member.removed",
  "member.role_changed",
  "member.teams_changed",
  "team.created",
  "team.renamed",
  "team.member_added",
  "team.member_removed",
  "role.created",
  "role.updated",
  "role.deleted",
  "session.created",
  "session.viewed",
  "session.updated",
  "session.patient_changed",
  "session.document_added",
  "session.document_removed",
  "session.visibility_changed",
  "session.shared",
  "session.share_level_changed",
  "session.share_removed",
  "session.ownership_transferred",
  "session.deleted",
]);
export type AuditAction = z.infer<typeof AuditAction>;

export type AuditActor =
  | { type: "user"; id: string }
  | { type: "contact"; id: string }
  | { type: "client"; id: string }
  | { type: "system"; id?: null }
  | { type: "anonymous"; id?: string | null };
