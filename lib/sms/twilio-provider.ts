import "server-only";
import { ProviderError } from "@/lib/outbox/provider-error";
import type { Provider } from "@/lib/outbox/providers";

/**
 * Twilio's REST API over fetch, when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM are set.
 * TWILIO_API_URL points it elsewhere (a stand-in server in tests).
 */
export function twilioProvider(): Provider | null {
  const sid = process.env.TWILIO_ACCOUNT_SID;
  const token = process.env.TWILIO_AUTH_TOKEN;
  const from = process.env.TWILIO_FROM;
  if (!sid || !token || !from) return null;
  const base = (process.env.TWILIO_API_URL || "https://api.twilio.com").replace(/\/+$/, "");
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`;
  return async (message, { signal }) => {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        Authorization: authorization,
        "Content-Type": "application/x-www-form-urlencoded",
        // Twilio ignores a repeated request with the same key for 24 hours, so a retry after a
        // timed-out call that Twilio did accept is not texted twice.
        "I-Twilio-Idempotency-Token": `outbox-${message.id}`,
      },
      body: new URLSearchParams({ To: message.to, From: from, Body: message.text }),
      signal,
    });
    if (!response.ok) {
      // Twilio's numeric error code (21211 = invalid number …) says why; its message may hold the number.
      const body = (await response.json().catch(() => ({}))) as { code?: unknown };
      throw new ProviderError(typeof body.code === "number" ? `twilio_${response.status}_${body.code}` : `http_${response.status}`);
    }
    const body = (await response.json()) as { sid?: string };
    return { providerMessageId: body.sid ?? null };
  };
}
