import "server-only";

export interface OutboxMessage {
  id: string;
  channel: "email" | "sms";
  to: string;
  subject: string | null;
  html: string | null;
  text: string;
}

/**
 * Sends one message; resolves with the provider's id. Throws a ProviderError (a short code) on
 * refusal. `signal` aborts when the call has taken too long; the provider must send the outbox id
 * as its idempotency key, because an aborted call may still have been accepted.
 */
export type Provider = (message: OutboxMessage, opts: { signal: AbortSignal }) => Promise<{ providerMessageId: string | null }>;

export interface Providers {
  email: Provider | null;
  sms: Provider | null;
}
