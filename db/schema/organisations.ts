import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clientScope, membershipStatus, permissionLevel, securityLevel } from "./enums";

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  address: text("address").notNull().default(""),
  sharingEnabled: boolean("sharing_enabled").notNull().default(false),
  securityLevel: securityLevel("security_level").notNull().default("link_and_sms"),
  // null = an opened link stays valid until revoked
  openedLinkMaxDays: integer("opened_link_max_days"),
  // The sweep emails the contact once, 4 hours before an unopened link expires (Settings → Sharing).
  remindBeforeLinkExpiry: boolean("remind_before_link_expiry").notNull().default(false),
  // Automatic logoff (HIPAA 164.312(a)(2)(iii)): a staff auth session ends after this many minutes
  // without a request (5–480, validated in lib/auth/auth-sessions/security-settings.ts).
  idleTimeoutMinutes: integer("idle_timeout_minutes").notNull().default(30),
  // Dates and times on the audit log and its export are shown in this IANA time zone.
  timeZone: text("time_zone").notNull().default("Europe/London"),
  // Audit events older than this are deleted by the retention job (npm run audit:prune); the
  // append-only trigger on audit_events reads it too. HIPAA asks for six years; the default is seven.
  auditRetentionYears: integer("audit_retention_years").notNull().default(7),
  // Emergency access ("break the glass", HIPAA 164.312(a)(2)(ii)): on/off, and how long a grant lasts
  // (1–24 hours, validated in lib/emergency-access/settings.ts).
  emergencyAccessEnabled: boolean("emergency_access_enabled").notNull().default(true),
  emergencyAccessHours: integer("emergency_access_hours").notNull().default(4),
  // Every member must sign in with a second factor (lib/auth/two-factor/); those without one can
  // only set it up until they have.
  requireTwoFactor: boolean("require_two_factor").notNull().default(false),
  // The client portal's "Who has seen my information" also lists which staff opened the chart, by
  // day (Settings → Security). Off by default: the external disclosures are always shown.
  disclosureShowsStaffAccess: boolean("disclosure_shows_staff_access").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    // null until an invited member sets a password
    passwordHash: text("password_hash"),
    // counted in Postgres because the Redis limiter fails open
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const roles = pgTable(
  "roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    name: text("name").notNull(),
    // "admin" | "clinician" | "medical_secretary" for the built-in roles, null for custom ones
    builtIn: text("built_in"),
    contacts: permissionLevel("contacts").notNull().default("none"),
    letters: permissionLevel("letters").notNull().default("none"),
    patients: permissionLevel("patients").notNull().default("none"),
    labs: permissionLevel("labs").notNull().default("none"),
    invoices: permissionLevel("invoices").notNull().default("none"),
    sessions: permissionLevel("sessions").notNull().default("none"),
    settings: permissionLevel("settings").notNull().default("none"),
    clientScope: clientScope("client_scope").notNull().default("assigned"),
    // May read Settings → Audit log and export it (the built-in Admin role gets it through the migration).
    auditLog: boolean("audit_log").notNull().default(false),
    // May break the glass (custom roles: off; the migration turns it on for built-in Admin and Clinician).
    emergencyAccess: boolean("emergency_access").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("roles_org_name_key").on(t.organisationId, sql`lower(${t.name})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    roleId: uuid("role_id").notNull().references(() => roles.id),
    status: membershipStatus("status").notNull().default("active"),
    // The name the inviting admin typed. users.name is global (one account, several clinics), so an
    // invitation shows this until accepted and never overwrites what another clinic knows the person as.
    invitedName: text("invited_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("memberships_org_user_key").on(t.organisationId, t.userId),
    index("memberships_user_idx").on(t.userId, t.status),
    index("memberships_role_idx").on(t.roleId),
  ],
);

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("teams_org_name_key").on(t.organisationId, sql`lower(${t.name})`)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id").notNull().references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);
