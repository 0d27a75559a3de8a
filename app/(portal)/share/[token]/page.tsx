import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { formatDate } from "@/components/sessions/session-badges";
import { getLanding } from "@/lib/portal/landing";
import { requireShareAccess } from "@/lib/portal/share-access";
import { shareCookieName, sharePath } from "@/lib/portal/share-cookie";
import { rateLimit } from "@/lib/rate-limit";
import { getClientInfo } from "@/lib/request/client-info";
import { GONE_LINK_HEADER } from "@/lib/portal/gone-link";
import { ExpiredMessage, LockedMessage, RateLimitedMessage } from "../portal-message";
import { CodeForms, ViewDocumentForm } from "./portal-forms";

export const metadata: Metadata = { title: "Shared document" };

/**
 * The emailed link. This GET only reads: it never opens or uses up the link, because mail
 * scanners and Safe Links fetch every link before the person does. View document is a POST.
 * A link that can't be used answers with its calm page: 410 when it has expired or is locked, 404
 * otherwise (not-found.tsx);
 * a browser already through this share (its cookie still valid) goes straight to the document.
 */
export default async function ShareLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const client = await getClientInfo();
  const limited = await rateLimit("portalIp", client.ip ?? "unknown");
  if (!limited.success) return <RateLimitedMessage />;
  const landing = await getLanding(token);
  // Expired and locked: 410 from the proxy, which marks the request (lib/portal/gone-link.ts); otherwise 404.
  if ((landing.state === "expired" || landing.state === "locked") && (await headers()).has(GONE_LINK_HEADER)) {
    return landing.state === "expired" ? <ExpiredMessage /> : <LockedMessage />;
  }
  if (landing.state !== "ready") notFound();
  const cookie = (await cookies()).get(shareCookieName(landing.shareId))?.value;
  if (cookie && (await requireShareAccess(landing.shareId, cookie))) redirect(sharePath(landing.shareId));
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-xs">
      <p className="text-sm text-slate-600">{landing.documentCount > 1 ? `${landing.documentCount} documents have` : "A document has"} been shared with you by</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">{landing.clinicName}</h1>
      <p className="mt-2 text-sm text-slate-700" data-testid="shared-by">
        {landing.senderName}, {landing.clinicName}, shared this on {formatDate(landing.sharedAt)}.
      </p>
      <p className="text-sm text-slate-700" data-testid="shared-what">
        {landing.documentCount > 1 ? `${landing.documentCount} documents: ${landing.documentKind}` : `${landing.documentKind} dated ${formatDate(landing.documentDate)}`}
      </p>
      <div className="mt-5">
        {!landing.codeChannel ? (
          <ViewDocumentForm token={token} several={landing.documentCount > 1} />
        ) : landing.maskedDestination ? (
          <CodeForms token={token} channel={landing.codeChannel} maskedTo={landing.maskedDestination} codePending={landing.codePending} several={landing.documentCount > 1} />
        ) : (
          <p className="text-sm text-slate-600">
            {landing.documentCount > 1 ? "These documents need" : "This document needs"} a code sent to your {landing.codeChannel === "sms" ? "mobile" : "email address"}, but the clinic has none on file for you. Ask the clinic to update your details and send the link again.
          </p>
        )}
      </div>
      <p className="mt-6 text-xs text-slate-600">Only open documents you expect. If this email wasn&apos;t meant for you, you can ignore it.</p>
    </section>
  );
}
