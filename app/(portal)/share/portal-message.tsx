import type { ReactNode } from "react";

/** A calm, short page for a link that cannot be used: what happened and what to do. Never more. */
export function PortalMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-xs">
      <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
      <div className="mt-2 space-y-2 text-sm leading-relaxed text-slate-600">{children}</div>
    </section>
  );
}

export function UnavailableMessage() {
  return (
    <PortalMessage title="This link can't be used">
      <p>The link may be mistyped, or it is no longer active.</p>
      <p>If you expected a document, ask the clinic that sent it to send it to you again.</p>
    </PortalMessage>
  );
}

export function ExpiredMessage() {
  return (
    <PortalMessage title="This link has expired">
      <p>For your security, links that aren&apos;t opened within 24 hours expire.</p>
      <p>Ask the clinic that sent it to send you a new link.</p>
    </PortalMessage>
  );
}

export function LockedMessage() {
  return (
    <PortalMessage title="This link is locked">
      <p>Too many incorrect codes were entered, so we have locked this link to protect the document.</p>
      <p>Ask the clinic that sent it to send you a new link.</p>
    </PortalMessage>
  );
}

export function RateLimitedMessage() {
  return (
    <PortalMessage title="Too many requests">
      <p>Please wait a few minutes, then open the link from your email again.</p>
    </PortalMessage>
  );
}
