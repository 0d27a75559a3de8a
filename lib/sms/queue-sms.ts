import "server-only";
import type { Executor } from "@/db/client";
import { outbox } from "@/db/schema";

/** Writes a text message to the outbox inside the caller's transaction (same path as email). */
export async function queueSms(exec: Executor, input: { to: string; template: string; text: string }): Promise<string> {
  const [row] = await exec.insert(outbox).values({ channel: "sms", template: input.template, to: input.to, text: input.text }).returning({ id: outbox.id });
  return row!.id;
}
