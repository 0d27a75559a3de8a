import { pgEnum } from "drizzle-orm/pg-core";

export const permissionLevel = pgEnum("permission_level", ["none", "view", "edit"]);
export const clientScope = pgEnum("client_scope", ["all", "assigned"]);
export const membershipStatus = pgEnum("membership_status", ["active", "invited", "left"]);
// "link_and_email_code": a code by email; an organisation level, and the per-share fallback for a contact with no mobile.
export const securityLevel = pgEnum("security_level", ["link", "link_and_sms", "link_and_email_code"]);
export const sessionVisibility = pgEnum("session_visibility", ["private", "team"]);
export const sessionStatus = pgEnum("session_status", ["draft", "in_progress", "ready_for_review", "completed"]);
export const shareAccess = pgEnum("share_access", ["view", "edit", "full"]);
export const clientRelationship = pgEnum("client_relationship", ["self", "parent", "guardian", "partner", "other"]);
export const portalProfileStatus = pgEnum("portal_profile_status", ["invited", "accepted", "revoked"]);
export const intakeStatus = pgEnum("intake_status", ["sent", "draft", "submitted"]);
export const documentKind = pgEnum("document_kind", ["letter", "prescription", "document", "lab_result", "invoice"]);
export const outboxChannel = pgEnum("outbox_channel", ["email", "sms"]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "sending", "delivered", "delivered_locally", "failed"]);
export const actorType = pgEnum("actor_type", ["user", "contact", "client", "system", "anonymous"]);
export const tokenPurpose = pgEnum("token_purpose", ["member_invitation", "portal_invitation", "password_reset"]);
// Why a staff auth session (a sign-in on one device) ended.
export const authSessionEndReason = pgEnum("auth_session_end_reason", [
  "signed_out",
  "signed_out_by_user", // "Sign out" on one device from the account page
  "signed_out_everywhere",
  "password_changed",
  "member_removed",
  "admin_reset",
  "idle_timeout",
  "membership_ended",
]);
