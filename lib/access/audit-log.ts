import type { StaffActor } from "./actor";
import { levelAtLeast } from "./permissions";

/** Settings → Audit log, and its CSV export: roles with the audit log permission (Admin by default). */
export function canReadAuditLog(actor: StaffActor): boolean {
  return actor.role.permissions.auditLog === true;
}

/** Settings opens for admins, and for a role that may only read the audit log. */
export function canOpenSettings(actor: StaffActor): boolean {
  return levelAtLeast(actor.role.permissions.settings, "edit") || canReadAuditLog(actor);
}
