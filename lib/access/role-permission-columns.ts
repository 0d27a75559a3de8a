import "server-only";
import { roles } from "@/db/schema";
import type { RolePermissions } from "./permissions";

/**
 * A role's permissions as select columns, for every query that puts someone's role to the policy
 * (the actor's own, or each colleague's on a list). One list, so a new permission reaches them all;
 * the `satisfies` fails the build if a permission of RolePermissions is missing here.
 */
export const rolePermissionColumns = {
  contacts: roles.contacts,
  letters: roles.letters,
  patients: roles.patients,
  labs: roles.labs,
  invoices: roles.invoices,
  sessions: roles.sessions,
  settings: roles.settings,
  clientScope: roles.clientScope,
  auditLog: roles.auditLog,
  emergencyAccess: roles.emergencyAccess,
} satisfies Record<keyof RolePermissions, unknown>;
