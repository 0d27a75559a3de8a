import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients, intakeForms, intakeRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkIntakeAnswers, intakeFields, type IntakeAnswers, type IntakeField } from "@/lib/clients/intake-fields";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { findPortalProfile } from "./portal-profiles";
import type { PortalClient } from "./types";
import { isUuid } from "@/lib/validation/ids";

export interface PortalForm {
  id: string;
  profileId: string;
  /** Whose form it is: a login may hold a child's profile beside its own. */
  profileName: string;
  formName: string;
  status: "sent" | "draft" | "submitted";
  fields: IntakeField[];
  answers: IntakeAnswers;
  submittedAt: Date | null;
  canEdit: boolean;
}

/** One form sent to one of the client's profiles; anything else is not found. */
export async function getPortalForm(client: PortalClient, input: { profileId: string; requestId: string }): Promise<PortalForm> {
  const profile = await findPortalProfile(client, input.profileId);
  if (!profile || !isUuid(input.requestId)) throw new AppError("not_found");
  const db = await getDb();
  const [row] = await db
    .select({ r: intakeRequests, formName: intakeForms.name, fields: intakeForms.fields })
    .from(intakeRequests)
    .innerJoin(intakeForms, eq(intakeForms.id, intakeRequests.formId))
    .where(and(eq(intakeRequests.id, input.requestId), eq(intakeRequests.clientId, profile.clientId)));
  if (!row) throw new AppError("not_found");
  return {
    id: row.r.id,
    profileId: profile.clientId,
    profileName: `${profile.firstName} ${profile.lastName}`,
    formName: row.formName,
    status: row.r.status,
    fields: intakeFields.parse(row.fields),
    answers: (row.r.answers as IntakeAnswers | null) ?? {},
    submittedAt: row.r.submittedAt,
    canEdit: profile.canManage && row.r.status !== "submitted",
  };
}

/**
 * The client saves a draft or submits. Only a login that may manage the profile's information
 * fills its forms; a submitted form is read-only (checked under a row lock, so two submits cannot
 * both win). Submitting notifies the practitioner who sent it; both are audited.
 */
export async function saveIntakeAnswers(
  client: PortalClient,
  input: { profileId: string; requestId: string; answers: Record<string, unknown>; mode: "draft" | "submit" },
): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string> }> {
  const profile = await findPortalProfile(client, input.profileId);
  if (!profile || !isUuid(input.requestId)) throw new AppError("not_found");
  if (!profile.canManage) throw new AppError("forbidden");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ r: intakeRequests, fields: intakeForms.fields, formName: intakeForms.name })
      .from(intakeRequests)
      .innerJoin(intakeForms, eq(intakeForms.id, intakeRequests.formId))
      .where(and(eq(intakeRequests.id, input.requestId), eq(intakeRequests.clientId, profile.clientId)))
      .for("update", { of: intakeRequests });
    if (!row) throw new AppError("not_found");
    if (row.r.status === "submitted") throw new AppError("form_submitted");
    const checked = checkIntakeAnswers(intakeFields.parse(row.fields), input.answers, input.mode);
    if (!checked.ok) return checked;
    const submitted = input.mode === "submit";
    await tx
      .update(intakeRequests)
      .set({ answers: checked.answers, status: submitted ? "submitted" : "draft", submittedAt: submitted ? new Date() : null })
      .where(eq(intakeRequests.id, row.r.id));
    await recordAudit(tx, {
      organisationId: profile.organisationId,
      actor: { type: "client", id: client.accountId },
      action: submitted ? "intake.submitted" : "intake.draft_saved",
      target: { type: "intake_request", id: row.r.id },
      clientId: profile.clientId,
      metadata: { clientId: profile.clientId },
    });
    if (submitted) {
      const [c] = await tx.select({ firstName: clients.firstName, lastName: clients.lastName }).from(clients).where(eq(clients.id, profile.clientId));
      await notify(tx, {
        userId: row.r.sentById,
        organisationId: profile.organisationId,
        kind: "intake_submitted",
        text: `${c!.firstName} ${c!.lastName} submitted “${row.formName}”.`,
        link: `/clients/${profile.clientId}/forms/${row.r.id}`,
      });
    }
    return { ok: true as const };
  });
}
