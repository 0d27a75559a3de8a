/** What an admin reads for a delivery failure code (lib/outbox/provider-error.ts). No "server-only": pure text. */
export function deliveryFailureText(code: string | null): string {
  if (!code) return "Unknown reason";
  if (code === "timeout") return "The provider did not answer in time";
  if (code === "expired") return "Not sent in time: what it carried has expired";
  if (code === "network_error") return "The provider could not be reached";
  const status = /^(?:http|resend|twilio)_(\d{3})/.exec(code)?.[1];
  if (status && status.startsWith("5")) return `The provider was unavailable (${code})`;
  if (status === "429") return `The provider refused it: too many messages (${code})`;
  if (status) return `The provider refused it (${code})`;
  return `Delivery failed (${code})`;
}

/** The kinds of message, in the clinic's words. */
export const MESSAGE_KIND_LABELS: Record<string, string> = {
  "member-invitation": "Member invitation",
  "session-shared": "Session shared",
  "session-access-changed": "Session access changed",
  "client-access-granted": "Client chart access",
  "document-shared": "Document share link",
  "portal-invitation": "Client portal invitation",
  "intake-form": "Intake form",
  "portal-profile-added": "Client portal profile added",
  "security-code": "Access code (text)",
};
