import { z } from "zod";
import { text } from "@/lib/validation/text";
import { AREAS, LEVELS } from "@/lib/access/permissions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { idempotencyKey } from "@/lib/idempotency/key-field";

export const id = z.uuid({ message: "Choose an item from the list." });
export const personName = text().trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters.");
export const email = text().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address." })).pipe(z.string().max(320));
export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Keep the password under 200 characters.");

export const inviteMemberInput = z.object({
  name: personName,
  email,
  roleId: id,
  teamIds: z.array(id).max(50).default([]),
  idempotencyKey,
});

export const teamName = text().trim().min(1, "Enter a team name.").max(80, "Keep the name under 80 characters.");
export const roleName = text().trim().min(1, "Enter a role name.").max(60, "Keep the name under 60 characters.");

const level = z.enum(LEVELS);
export const rolePermissionsInput = z.object({
  ...Object.fromEntries(AREAS.map((a) => [a, level])) as Record<(typeof AREAS)[number], typeof level>,
  clientScope: z.enum(["all", "assigned"]),
  // A checkbox: present ("on") when ticked, absent otherwise.
  emergencyAccess: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  // A checkbox: "on" when ticked, absent (null) when not.
  auditLog: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});
