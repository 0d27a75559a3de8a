import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { intakeForms, intakeRequests, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { intakeFields, type IntakeAnswers, type IntakeField } from "./intake-fields";

export interface IntakeAnswersView {
  id: string;
  formName: string;
  status: "sent" | "draft" | "submitted";
  sentByName: string;
  sentAt: Date;
  submittedAt: Date | null;
  fields: IntakeField[];
  /** Only once submitted: a draft is the client's own work in progress. */
  answers: IntakeAnswers | null;
}

/** A form sent to this chart, read-only, with the client's answers once submitted. Audited. */
export async function getIntakeAnswers(actor: StaffActor, input: { clientId: string; requestId: string }): Promise<IntakeAnswersView> {
  await assertCanClient(actor, "client:read_form", input.clientId);
  const db = await getDb();
  const [row] = await db
    .select({ r: intakeRequests, formName: intakeForms.name, fields: intakeForms.fields, sentByName: users.name })
    .from(intakeRequests)
    .innerJoin(intakeForms, eq(intakeForms.id, intakeRequests.formId))
    .innerJoin(users, eq(users.id, intakeRequests.sentById))
    .where(and(eq(intakeRequests.id, input.requestId), eq(intakeRequests.clientId, input.clientId)));
  if (!row) throw new AppError("not_found");
  await recordStaffAudit(db, actor, { action: "intake.viewed", target: { type: "intake_request", id: row.r.id }, clientId: input.clientId, metadata: { clientId: input.clientId } });
  return {
    id: row.r.id,
    formName: row.formName,
    status: row.r.status,
    sentByName: row.sentByName,
    sentAt: row.r.sentAt,
    submittedAt: row.r.submittedAt,
    fields: intakeFields.parse(row.fields),
    answers: row.r.status === "submitted" ? ((row.r.answers as IntakeAnswers | null) ?? {}) : null,
  };
}
