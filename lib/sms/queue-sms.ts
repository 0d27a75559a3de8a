import "server-only";
import type { Executor } from "@/db/client";
import { outbox } from "@/db/schema";
import { retryUntilFor } from "@/lib/outbox/retry-policy";

/** Writes a text message to the outbox inside the caller's transaction (same path as email). */
export async function queueSms(exec: Executor, input: { organisationId: string | null; to: string; template: string; text: string }): Promise<string> {
  const [row] = await exec
    .insert(outbox)
    .values({ organisationId: input.organisationId, channel: "sms", template: input.template, to: input.to, text: input.text, retryUntil: retryUntilFor(input.template) })
    .returning({ id: outbox.id });
  return row!.id;
}
