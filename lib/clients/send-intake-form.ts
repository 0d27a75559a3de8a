import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { intakeForms, intakeRequests, organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/queue-email";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { appUrl } from "@/lib/urls";
import { findClient, fullName } from "./find-client";
import { portalAccountsOfProfile } from "./portal-grants";
import { once } from "@/lib/idempotency/once";

/**
 * Portal tab → Send form: an intake form goes to this profile only; everyone whose portal login
 * may manage the profile gets an email. Someone must be able to complete it: a portal login that
 * holds the profile with "can manage information" on (view-only logins see forms but cannot fill them).
 */
export async function sendIntakeForm(actor: StaffActor, input: { clientId: string; formId: string; idempotencyKey?: string }): Promise<{ requestId: string }> {
  await assertCanClient(actor, "client:send_form", input.clientId);
  const db = await getDb();
  const result = await db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "client.send_intake_form" }, async () => {
      const client = await findClient(tx, actor, input.clientId);
      const [form] = await tx.select().from(intakeForms).where(and(eq(intakeForms.id, input.formId), eq(intakeForms.organisationId, actor.organisationId)));
      if (!form) throw new AppError("not_found", { field: "formId" });
      const accounts = await portalAccountsOfProfile(tx, client.id);
      if (accounts.length === 0) throw new AppError("not_invited_to_portal", { field: "formId" });
      const completers = accounts.filter((a) => a.canManage);
      if (completers.length === 0) throw new AppError("no_portal_manager", { field: "formId" });
      const [request] = await tx.insert(intakeRequests).values({ clientId: client.id, formId: form.id, sentById: actor.userId }).returning({ id: intakeRequests.id });
      const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId));
      for (const a of completers) {
        await queueEmail(tx, {
          organisationId: actor.organisationId,
          to: a.email,
          template: "intake-form",
          props: {
            clinicName: org!.name,
            practitionerName: actor.name,
            clientName: fullName(client),
            // The login's holder as this clinic invited them (a parent, for a child's profile).
            ...(a.name && { recipientName: a.name }),
            formName: form.name,
            portalUrl: appUrl(`/portal/profiles/${client.id}/forms/${request!.id}`),
          },
        });
      }
      await recordStaffAudit(tx, actor, {
        action: "intake.sent",
        target: { type: "intake_request", id: request!.id },
        clientId: client.id,
        metadata: { clientId: client.id, formId: form.id },
      });
      return { requestId: request!.id };
    }));
  scheduleOutboxDelivery();
  return result;
}
