import "server-only";
import type { z } from "zod";
import type { StaffActor } from "@/lib/access/actor";
import { findStaff } from "@/lib/auth/staff-actor";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { AppError, toActionError } from "@/lib/errors";
import type { FormState } from "./form-state";

/** The default guard: the signed-in member, or why there is none (as an error the form shows). */
async function staffForForm(): Promise<StaffActor> {
  const found = await findStaff({ activity: true });
  if (found.actor) return found.actor;
  throw new AppError(found.reason === "two_factor_setup" ? "two_factor_setup_needed" : "signed_out");
}

/** Zod issues → one message per field (the first), keyed by the field's path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * The shape of every staff server action: authenticate, validate with zod, call one domain
 * function, and turn failures into codes. A sign-in that has ended (signed out elsewhere, idle, no
 * longer a member, two-factor now required) answers `signed_out` (or `two_factor_setup_needed`)
 * rather than redirecting: a redirect would replace the page, and with it whatever was typed.
 */
export async function handleStaffForm<S extends z.ZodType, R>(
  schema: S,
  raw: unknown,
  run: (actor: StaffActor, input: z.output<S>) => Promise<R>,
  /** Only the two-factor set-up passes its own (lib/auth/staff-actor.ts). */
  guard: () => Promise<StaffActor> = staffForForm,
): Promise<{ state: FormState; result?: R }> {
  let actor: StaffActor;
  try {
    actor = await guard();
  } catch (e) {
    // The guard reads the membership from the database: when that is down, answer calmly so the form keeps its input.
    if (isDatabaseUnavailable(e)) return { state: toActionError(e) };
    if (e instanceof AppError && (e.code === "signed_out" || e.code === "two_factor_setup_needed")) return { state: { error: e.code } };
    throw e; // the two-factor set-up's own guard redirects
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { state: { error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error) } };
  try {
    const result = await run(actor, parsed.data);
    return { state: { ok: true, savedAt: Date.now() }, result };
  } catch (e) {
    return { state: toFormError(e) };
  }
}

/** A thrown error as form state: its code, shown next to its field when it names one (fieldErrors[field] = ""). */
export function toFormError(e: unknown): FormState {
  const state: FormState = toActionError(e);
  if (e instanceof AppError && e.details?.field) state.fieldErrors = { [e.details.field]: "" };
  return state;
}
