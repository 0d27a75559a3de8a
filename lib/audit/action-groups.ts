import { approvalGiven } from "@/lib/access-requests/labels";
import type { AuditAction } from "./events";

/**
 * The audit log's action groups, in one place: the filter on Settings → Audit log and the CSV
 * export both read this table. An action in no group still shows under "All actions".
 */
export const AUDIT_GROUPS = {
  access: {
    label: "Access changes",
    actions: [
      "session.shared",
      "session.share_level_changed",
      "session.share_removed",
      "session.visibility_changed",
      "session.ownership_transferred",
      "client.access_granted",
      "client.access_removed",
      "client.contact_linked",
      "client.contact_unlinked",
      "client_portal.invited",
      "client_portal.invitation_accepted",
      "client_portal.access_revoked",
      "member.invited",
      "member.reinvited",
      "member.invitation_resent",
      "member.invitation_revoked",
      "member.invitation_accepted",
      "member.removed",
      "member.role_changed",
      "member.teams_changed",
      "team.member_added",
      "team.member_removed",
      "access.refused",
      "access.end_date_set",
      "access.ended",
      "access.request_approved",
      "access.request_declined",
      "emergency_access.granted",
      "emergency_access.ended",
      "auth.two_factor_enabled",
      "auth.two_factor_disabled",
      "auth.two_factor_reset",
    ],
  },
  views: {
    label: "Views",
    actions: ["client.viewed", "session.viewed", "document.viewed", "intake.viewed", "portal.document_viewed", "client.disclosures_viewed"],
  },
  downloads: {
    label: "Downloads and prints",
    actions: ["document.downloaded", "portal.document_downloaded", "portal.documents_zipped", "portal.document_printed", "reply.downloaded", "audit.exported", "client.disclosures_downloaded"],
  },
  shares: {
    label: "External shares",
    actions: [
      "document.shared",
      "document.share_resent",
      "document.share_revoked",
      "document.share_reminder_sent",
      "document.share_unopened",
      "portal.link_refused",
      "portal.link_opened",
      "portal.code_sent",
      "portal.code_send_refused",
      "portal.code_accepted",
      "portal.code_refused",
      "portal.share_locked",
      "portal.rate_limited",
      "reply.received",
      "reply.filed",
      "reply.discarded",
    ],
  },
  sign_ins: {
    label: "Sign-ins",
    actions: [
      "auth.signed_in",
      "auth.sign_in_failed",
      "auth.sign_in_rate_limited",
      "auth.signed_out",
      "auth.sessions_revoked",
      "auth.idle_timed_out",
      "auth.organisation_switched",
      "auth.password_changed",
      "auth.password_accepted",
      "auth.second_factor_accepted",
      "auth.second_factor_refused",
      "auth.second_factor_locked",
      "client_portal.signed_in",
      "client_portal.sign_in_failed",
      "client_portal.sign_in_rate_limited",
      "client_portal.signed_out",
    ],
  },
  settings: {
    label: "Settings",
    actions: [
      "security.settings_changed",
      "sharing.settings_changed",
      "audit.settings_changed",
      "audit.events_pruned",
      "role.created",
      "role.updated",
      "role.deleted",
      "team.created",
      "team.renamed",
      "team.deleted",
      "outbox.message_retried",
      "emergency_access.settings_changed",
      "emergency_access.reviewed",
      "client.disclosure_settings_changed",
    ],
  },
} as const satisfies Record<string, { label: string; actions: readonly AuditAction[] }>;

export type AuditGroup = keyof typeof AUDIT_GROUPS;
export const AUDIT_GROUP_KEYS = Object.keys(AUDIT_GROUPS) as AuditGroup[];

/** What the audit log calls each kind of record (audit_events.target_type), and where it lives. */
export const RECORD_TYPES = {
  client: { label: "Client chart", href: (id: string) => `/clients/${id}` },
  document: { label: "Document", href: (id: string) => `/documents/${id}` },
  clinical_session: { label: "Session", href: (id: string) => `/sessions/${id}` },
  document_share: { label: "External share", href: null },
  intake_request: { label: "Intake form", href: null },
  contact: { label: "Contact", href: (id: string) => `/contacts/${id}` },
  membership: { label: "Member", href: (id: string) => `/settings/members/${id}` },
  role: { label: "Role", href: (id: string) => `/settings/roles/${id}` },
  team: { label: "Team", href: (id: string) => `/settings/teams/${id}` },
  organisation: { label: "Organisation settings", href: null },
  auth_session: { label: "Sign-in", href: null },
  user: { label: "Account", href: null },
  outbox: { label: "Message", href: null },
} as const satisfies Record<string, { label: string; href: ((id: string) => string) | null }>;
export type RecordType = keyof typeof RECORD_TYPES;
export const RECORD_TYPE_KEYS = Object.keys(RECORD_TYPES) as RecordType[];

export function isRecordType(value: string | null): value is RecordType {
  return value !== null && Object.hasOwn(RECORD_TYPES, value);
}

/** A sentence per action, in the clinic's words; the person and the record are shown beside it. */
export const AUDIT_SENTENCES: Partial<Record<AuditAction, string>> = {
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Failed to sign in",
  "auth.sign_in_rate_limited": "Was stopped from signing in (too many attempts)",
  "auth.signed_out": "Signed out",
  "auth.sessions_revoked": "Signed out other devices",
  "auth.idle_timed_out": "Was signed out after inactivity",
  "auth.organisation_switched": "Switched organisation",
  "auth.password_changed": "Changed their password",
  "security.settings_changed": "Changed the security settings",
  "access.refused": "Was refused access",
  "member.invited": "Invited a member",
  "member.reinvited": "Invited a former member again",
  "member.invitation_resent": "Resent a member invitation",
  "member.invitation_revoked": "Withdrew a member invitation",
  "member.invitation_accepted": "Accepted their invitation",
  "member.removed": "Removed a member",
  "member.role_changed": "Changed a member's role",
  "member.teams_changed": "Changed a member's teams",
  "team.created": "Created a team",
  "team.renamed": "Renamed a team",
  "team.deleted": "Deleted a team",
  "team.member_added": "Added a member to a team",
  "team.member_removed": "Removed a member from a team",
  "role.created": "Created a role",
  "role.updated": "Changed a role's permissions",
  "role.deleted": "Deleted a role",
  "session.created": "Created a session",
  "session.viewed": "Opened a session",
  "session.updated": "Edited a session",
  "session.patient_changed": "Changed a session's patient",
  "session.document_added": "Added a document to a session",
  "session.document_removed": "Removed a document from a session",
  "session.visibility_changed": "Changed who can see a session",
  "session.shared": "Shared a session with a colleague",
  "session.share_level_changed": "Changed a colleague's access to a session",
  "session.share_removed": "Removed a colleague's access to a session",
  "session.ownership_transferred": "Transferred a session to a new owner",
  "session.deleted": "Deleted a session",
  "contact.created": "Added a contact",
  "contact.updated": "Edited a contact",
  "contact.archived": "Archived a contact",
  "document.created": "Created a document",
  "document.updated": "Edited a document",
  "document.deleted": "Deleted a document",
  "document.viewed": "Opened a document",
  "document.downloaded": "Downloaded a document",
  "document.shared": "Shared a document with an external contact",
  "document.share_resent": "Resent an external share's link",
  "document.share_revoked": "Revoked an external share",
  "sharing.settings_changed": "Changed the document sharing settings",
  "outbox.message_retried": "Retried an undelivered message",
  "portal.link_refused": "Was refused a shared link",
  "portal.link_opened": "Opened a shared document's link",
  "portal.code_sent": "Was sent a security code",
  "portal.code_send_refused": "Was refused a security code",
  "portal.code_accepted": "Entered a correct security code",
  "portal.code_refused": "Entered a wrong or expired security code",
  "portal.share_locked": "Locked a share by too many wrong codes",
  "portal.document_viewed": "Viewed a shared document",
  "portal.document_printed": "Printed a shared document",
  "portal.document_downloaded": "Downloaded a shared document",
  "portal.rate_limited": "Was slowed down (too many requests)",
  "client.created": "Created a client chart",
  "client.viewed": "Opened a client chart",
  "client.updated": "Edited a client's details",
  "client.access_granted": "Gave a practitioner access to a chart",
  "client.access_removed": "Removed a practitioner's access to a chart",
  "client.profile_created": "Created a separate profile",
  "client.contact_linked": "Linked a person to a chart",
  "client.contact_unlinked": "Unlinked a person from a chart",
  "client_portal.invited": "Invited a client to the portal",
  "client_portal.invitation_accepted": "Accepted a portal invitation",
  "client_portal.access_revoked": "Revoked a client's portal access",
  "client_portal.signed_in": "Signed in to the client portal",
  "client_portal.sign_in_failed": "Failed to sign in to the client portal",
  "client_portal.sign_in_rate_limited": "Was stopped from signing in to the client portal",
  "client_portal.signed_out": "Signed out of the client portal",
  "intake.sent": "Sent an intake form",
  "intake.draft_saved": "Saved an intake form draft",
  "intake.submitted": "Submitted an intake form",
  "intake.viewed": "Read an intake form's answers",
  "audit.settings_changed": "Changed the audit log settings",
  "audit.events_pruned": "Deleted audit events past their retention",
  "audit.exported": "Exported the audit log",
  "emergency_access.granted": "Used emergency access (break the glass)",
  "emergency_access.refused": "Was refused emergency access",
  "emergency_access.ended": "Ended emergency access",
  "emergency_access.reviewed": "Reviewed a use of emergency access",
  "emergency_access.settings_changed": "Changed the emergency access settings",
  "auth.password_accepted": "Entered the right password (second factor next)",
  "auth.second_factor_accepted": "Signed in with a second factor",
  "auth.second_factor_refused": "Entered a wrong two-factor code",
  "auth.second_factor_locked": "Was locked out of two-factor sign-in for a while",
  "auth.two_factor_enabled": "Turned on two-factor sign-in",
  "auth.two_factor_disabled": "Turned off two-factor sign-in",
  "auth.two_factor_reset": "Reset a member's two-factor sign-in",
  "client.disclosures_viewed": "Read a client's record of disclosures",
  "client.disclosures_downloaded": "Downloaded a client's record of disclosures",
  "client.disclosure_settings_changed": "Changed what the record of disclosures shows",
  "access.end_date_set": "Set or moved the end date of access",
  "access.end_warned": "Was reminded that access ends soon",
  "access.ended": "Access ended on its end date",
  "access.requested": "Asked for access",
  "access.request_approved": "Approved a request for access",
  "access.request_declined": "Declined a request for access",
  "reply.received": "Sent a document back through the sharing portal",
  "reply.downloaded": "Downloaded a document a contact sent back",
  "reply.filed": "Filed a document a contact sent back",
  "reply.discarded": "Discarded a document a contact sent back",
  "portal.documents_zipped": "Downloaded a share's documents as one ZIP",
  "document.share_reminder_sent": "Reminded a contact of an unopened share",
  "document.share_unopened": "A shared link expired unopened",
};

/** A contact's fields as "Edited a contact: …" names them. */
const CONTACT_FIELD_LABELS: Record<string, string> = { name: "name", organisationName: "organisation", role: "role", email: "email", mobile: "mobile", notes: "notes" };

/** The readable sentence for an event; a few add a detail from the event's metadata. */
export function describeAuditAction(action: string, metadata: Record<string, unknown> | null): string {
  const base = AUDIT_SENTENCES[action as AuditAction] ?? action.replace(/[._]/g, " ");
  if ((action === "document.downloaded" || action === "portal.document_downloaded") && metadata?.format === "file") return `${base} (the uploaded file)`;
  if (action === "portal.document_downloaded" && metadata?.format === "zip") return `${base} (in the ZIP of all)`;
  if (action === "audit.events_pruned" && typeof metadata?.deleted === "number") return `${base} (${metadata.deleted})`;
  if (action === "audit.exported" && typeof metadata?.rows === "number") return `${base} (${metadata.rows} events)`;
  // Read through a "break the glass" grant: the log says so wherever the view is listed.
  if ((action === "client.viewed" || action === "session.viewed") && metadata?.emergencyAccess === true) return `${base} (emergency access)`;
  // Which details changed, never their values (those are the contact's, not the log's).
  if (action === "contact.updated" && Array.isArray(metadata?.changed) && metadata.changed.length) return `${base}: ${metadata.changed.map((f) => CONTACT_FIELD_LABELS[f as string] ?? String(f)).join(", ")}`;
  // A team's name is the clinic's own word for it, so the log may say it (a deleted team has no page to link to).
  if ((action === "team.created" || action === "team.deleted") && typeof metadata?.name === "string") return `${base}: ${metadata.name}`;
  if (action === "team.renamed" && typeof metadata?.from === "string" && typeof metadata?.to === "string") return `${base}: ${metadata.from} → ${metadata.to}`;
  if (action === "auth.second_factor_accepted" && metadata?.via === "recovery_code") return `${base} (a recovery code)`;
  if (action === "auth.second_factor_refused" && metadata?.alreadyUsed === true) return `${base} (a code already used)`;
  if (action === "access.request_approved") {
    const { level, lastDay } = approvalGiven(metadata);
    const detail = [level, lastDay && `until ${lastDay}`].filter(Boolean).join(", ");
    return detail ? `${base} (${detail})` : base;
  }
  if (action === "access.request_declined" && metadata?.withReason === true) return `${base} (with a reason)`;
  return base;
}
