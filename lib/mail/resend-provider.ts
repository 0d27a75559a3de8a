import "server-only";
import { Resend } from "resend";
import { ProviderError } from "@/lib/outbox/provider-error";
import type { Provider } from "@/lib/outbox/providers";

/**
 * Resend, when RESEND_API_KEY is set (`new Resend()` throws without a key, so it is built only then).
 * RESEND_BASE_URL (read by the SDK) points it elsewhere, e.g. a stand-in server in tests.
 */
export function resendProvider(): Provider | null {
  const key = process.env.RESEND_API_KEY;
  if (!key) return null;
  const resend = new Resend(key);
  const from = process.env.MAIL_FROM ?? "Carebridge <notifications@carebridge.app>";
  return async (message, { signal }) => {
    const { data, error } = await resend.emails.send(
      { from, to: message.to, subject: message.subject ?? "", html: message.html ?? undefined, text: message.text },
      // The outbox id as idempotency key: a retried delivery (even after a timed-out one that
      // Resend did accept) is sent at most once.
      { idempotencyKey: `outbox/${message.id}`, signal },
    );
    if (error) throw new ProviderError(`resend_${error.statusCode ?? "error"}_${error.name}`.replace(/[^a-z0-9_]/gi, "").slice(0, 80));
    return { providerMessageId: data?.id ?? null };
  };
}
