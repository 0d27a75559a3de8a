import "server-only";

export interface OutboxMessage {
  id: string;
  channel: "email" | "sms";
  to: string;
  subject: string | null;
  html: string | null;
  text: string;
}

/** Sends one message; resolves with the provider's id, or null when kept locally (no provider set). */
export type Provider = (message: OutboxMessage) => Promise<{ providerMessageId: string | null }>;

export interface Providers {
  email: Provider | null;
  sms: Provider | null;
}
