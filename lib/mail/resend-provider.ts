import "server-only";
import { Resend } from "resend";
import type { Provider } from "@/lib/outbox/providers";

/** Resend, when RESEND_API_KEY is set (`new Resend()` throws without a key, so it is built only then). */
export function resendProvider(): Provider | null {
  const key = process.env.RESEND_API_KEY;
  if (!key) return null;
  const resend = new Resend(key);
  const from = process.env.MAIL_FROM ?? "Carebridge <notifications@carebridge.app>";
  return async (message) => {
    const { data, error } = await resend.emails.send(
      { from, to: message.to, subject: message.subject ?? "", html: message.html ?? undefined, text: message.text },
      // The outbox id as idempotency key: a retried delivery is sent at most once by Resend.
      { idempotencyKey: `outbox/${message.id}` },
    );
    if (error) throw new Error(`Resend refused the message: ${error.name}`);
    return { providerMessageId: data?.id ?? null };
  };
}
