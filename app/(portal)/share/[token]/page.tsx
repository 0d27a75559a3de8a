import type { Metadata } from "next";
import { getLanding } from "@/lib/portal/landing";
import { rateLimit } from "@/lib/rate-limit";
import { getClientInfo } from "@/lib/request/client-info";
import { ExpiredMessage, LockedMessage, RateLimitedMessage, UnavailableMessage } from "../portal-message";
import { CodeForms, ViewDocumentForm } from "./portal-forms";

export const metadata: Metadata = { title: "Shared document" };

/**
 * The emailed link. This GET only reads: it never opens or uses up the link, because mail
 * scanners and Safe Links fetch every link before the person does. View document is a POST.
 */
export default async function ShareLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const client = await getClientInfo();
  const limited = await rateLimit("portalIp", client.ip ?? "unknown");
  if (!limited.success) return <RateLimitedMessage />;
  const landing = await getLanding(token);
  if (landing.state === "unavailable") return <UnavailableMessage />;
  if (landing.state === "expired") return <ExpiredMessage />;
  if (landing.state === "locked") return <LockedMessage />;
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-xs">
      <p className="text-sm text-slate-500">A document has been shared with you by</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">{landing.clinicName}</h1>
      <div className="mt-5">
        {landing.securityLevel === "link" ? (
          <ViewDocumentForm token={token} />
        ) : landing.maskedMobile ? (
          <CodeForms token={token} maskedMobile={landing.maskedMobile} codePending={landing.codePending} />
        ) : (
          <p className="text-sm text-slate-600">This document needs a code sent to your mobile, but the clinic has no mobile number for you. Ask the clinic to update your details and send the link again.</p>
        )}
      </div>
      <p className="mt-6 text-xs text-slate-500">Only open documents you expect. If this email wasn&apos;t meant for you, you can ignore it.</p>
    </section>
  );
}
