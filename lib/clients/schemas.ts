import { z } from "zod";
import { searchText, text } from "@/lib/validation/text";
import { idempotencyKey } from "@/lib/idempotency/key-field";

export const id = z.uuid({ message: "Choose an item from the list." });
const optionalText = (max: number, message: string) =>
  text()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

/** An email address, or null when left empty. */
const optionalEmail = text()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || z.email().safeParse(v).success, "Enter a valid email address, or leave it empty.");

export const RELATIONSHIPS = ["self", "parent", "guardian", "partner", "other"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const RELATIONSHIP_LABELS = { self: "Self", parent: "Parent", guardian: "Guardian", partner: "Partner", other: "Other" } as const satisfies Record<Relationship, string>;

const today = () => new Date().toISOString().slice(0, 10);
/** A real calendar date (Date.parse accepts 2026-02-30 and rolls it over; Postgres would refuse it). */
const isRealDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const clientDetails = {
  firstName: text().trim().min(1, "Enter a first name.").max(80, "Keep the name under 80 characters."),
  lastName: text().trim().min(1, "Enter a last name.").max(80, "Keep the name under 80 characters."),
  dateOfBirth: text()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (isRealDate(v) && v >= "1900-01-01" && v <= today()), "Enter a valid date of birth, not in the future."),
  email: optionalEmail,
  phone: optionalText(40, "Keep the phone number under 40 characters."),
};

export const createClientInput = z.object({
  ...clientDetails,
  practitionerId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid({ message: "Choose a practitioner from the list, or no one yet." }).nullable()),
  /** "This is a different person": create even though a chart with these details exists. */
  differentPerson: checkbox.optional(),
  idempotencyKey,
});
export type CreateClientInput = z.output<typeof createClientInput>;

/** Overview → Edit details. Empty optional fields clear the value. */
export const updateClientInput = z.object({
  clientId: id,
  ...clientDetails,
  address: optionalText(500, "Keep the address under 500 characters."),
  /** Shown to the client in the portal's switcher. Absent: unchanged; empty: removed. */
  profileLabel: text().trim().max(40, "Keep the label under 40 characters, e.g. “Psychology”.").optional(),
});
export type UpdateClientInput = z.output<typeof updateClientInput>;

/** The New client form's live duplicate check: the fields typed so far. */
export const duplicateCheckInput = z.object({
  firstName: text().trim().max(80).default(""),
  lastName: text().trim().max(80).default(""),
  dateOfBirth: text().trim().optional().transform((v) => (v && isRealDate(v) ? v : null)),
  email: text().trim().toLowerCase().optional().transform((v) => (v && z.email().safeParse(v).success ? v : null)),
});

export const removeClientLinkInput = z.object({ clientId: id, linkId: id });

export const setClientAccessInput = z.object({ clientId: id, userIds: z.array(id).max(500), idempotencyKey });

export const createSeparateProfileInput = z.object({ clientId: id, practitionerId: z.uuid({ message: "Choose a practitioner." }), idempotencyKey });

const relationshipChoice = z.enum(RELATIONSHIPS, { message: "Choose how they are related to the client." });

export const linkClientContactInput = z.discriminatedUnion("target", [
  z.object({ clientId: id, target: z.literal("client"), linkedClientId: id, relationship: relationshipChoice, canManage: checkbox, idempotencyKey }),
  z.object({
    clientId: id,
    target: z.literal("contact"),
    name: text().trim().min(1, "Enter the contact's name.").max(120, "Keep the name under 120 characters."),
    email: optionalEmail,
    mobile: optionalText(40, "Keep the mobile number under 40 characters."),
    relationship: relationshipChoice,
    canManage: checkbox,
    idempotencyKey,
  }),
]);
export type LinkClientContactInput = z.output<typeof linkClientContactInput>;

/** "who" is "profile" (the chart's own person) or a link id of the Portal tab's contacts. */
export const inviteToPortalInput = z.object({ clientId: id, who: z.union([z.literal("profile"), id]), canManage: checkbox, idempotencyKey });

export const revokePortalAccessInput = z.object({ clientId: id, portalAccountId: id });

export const sendIntakeFormInput = z.object({ clientId: id, formId: id, idempotencyKey });

export const listClientsInput = z.object({
  q: searchText().optional().default(""),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});

/** Access tab → the action at the end of one line: which kind of access, and whose. */
export const endChartAccessInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("access_list"), clientId: id, userId: id }),
  z.object({ kind: z.literal("session_share"), clientId: id, sessionId: id, userId: id }),
  z.object({ kind: z.literal("portal_login"), clientId: id, portalAccountId: id }),
  z.object({ kind: z.literal("external_share"), clientId: id, shareId: id }),
]);
export type EndChartAccessInput = z.output<typeof endChartAccessInput>;

/** Access tab → history: the next page of events. */
export const chartHistoryInput = z.object({ clientId: id, cursor: z.string().max(200).optional() });
