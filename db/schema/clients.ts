import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clientRelationship, intakeStatus, portalProfileStatus } from "./enums";
import { organisations, users } from "./organisations";
import { contacts } from "./documents";

// One row = one client profile = one chart.
export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    dateOfBirth: date("date_of_birth"),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    notes: text("notes").notNull().default(""),
    // What the client sees for this profile in the portal's switcher when one login has several
    // ("Psychology", "Physiotherapy"); set by staff on Edit details. Null: the person's name only.
    profileLabel: text("profile_label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    // The Clients list: by name, paged on (last_name, first_name, id); archived charts are never listed.
    index("clients_org_name_idx").on(t.organisationId, t.lastName, t.firstName, t.id).where(sql`${t.archivedAt} is null`),
    // Search by date of birth. Name and email searches use trigram indexes (custom migration).
    index("clients_org_dob_idx").on(t.organisationId, t.dateOfBirth),
  ],
);

// The practitioners on a chart's access list.
export const clientAccess = pgTable(
  "client_access",
  {
    clientId: uuid("client_id").notNull().references(() => clients.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    grantedById: uuid("granted_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // The end date: from this instant the policy treats the entry as absent; the sweep then deletes it.
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // When the granter was warned that the end is 3 days away (set once, so parallel sweeps warn once).
    expiryWarnedAt: timestamp("expiry_warned_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.userId] }),
    index("client_access_user_idx").on(t.userId),
    index("client_access_expires_idx").on(t.expiresAt).where(sql`${t.expiresAt} is not null`),
  ],
);

// A profile's portal contacts: another profile (e.g. "Self") or an external contact.
export const clientLinks = pgTable(
  "client_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    linkedClientId: uuid("linked_client_id").references(() => clients.id),
    contactId: uuid("contact_id").references(() => contacts.id),
    relationship: clientRelationship("relationship").notNull(),
    canManage: boolean("can_manage").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("client_links_client_idx").on(t.clientId),
    index("client_links_linked_idx").on(t.linkedClientId),
    check("client_links_target_check", sql`${t.linkedClientId} is not null or ${t.contactId} is not null`),
  ],
);

export const portalAccounts = pgTable(
  "portal_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("portal_accounts_email_key").on(sql`lower(${t.email})`)],
);

export const portalAccountProfiles = pgTable(
  "portal_account_profiles",
  {
    portalAccountId: uuid("portal_account_id").notNull().references(() => portalAccounts.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    canManage: boolean("can_manage").notNull().default(false),
    status: portalProfileStatus("status").notNull().default("invited"),
    // The name the inviting clinic recorded for the person. A portal login may serve several
    // clinics, and portal_accounts.name is whatever the first one wrote: never shown to another.
    invitedName: text("invited_name"),
    invitedById: uuid("invited_by_id").references(() => users.id),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // The end date: from this instant the login no longer reaches the profile; the sweep then revokes it.
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    expiryWarnedAt: timestamp("expiry_warned_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.portalAccountId, t.clientId] }),
    index("portal_account_profiles_client_idx").on(t.clientId),
    index("portal_account_profiles_expires_idx").on(t.expiresAt).where(sql`${t.expiresAt} is not null and ${t.status} <> 'revoked'`),
  ],
);

export const intakeForms = pgTable("intake_forms", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
  name: text("name").notNull(),
  // [{ id, label, type: "text" | "choice" | "date" | "signature", options?, required? }]
  fields: jsonb("fields").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const intakeRequests = pgTable(
  "intake_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    formId: uuid("form_id").notNull().references(() => intakeForms.id),
    sentById: uuid("sent_by_id").notNull().references(() => users.id),
    status: intakeStatus("status").notNull().default("sent"),
    answers: jsonb("answers"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [index("intake_requests_client_idx").on(t.clientId)],
);

// A client-portal sign-in: the cookie holds a random token, only its hash is stored here.
export const portalSessions = pgTable(
  "portal_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    portalAccountId: uuid("portal_account_id")
      .notNull()
      .references(() => portalAccounts.id),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("portal_sessions_token_key").on(t.tokenHash), index("portal_sessions_account_idx").on(t.portalAccountId)],
);
