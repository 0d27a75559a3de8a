import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { idOrNotFound } from "@/lib/access/or-not-found";
import { currentShareAccess } from "@/lib/portal/portal-request";
import { rateLimit } from "@/lib/rate-limit";
import { RateLimitedMessage } from "../../../portal-message";
import { ReplyForm } from "./reply-form";

export const metadata: Metadata = { title: "Send a document back" };

/** Send a document back to the clinic, for a browser that has opened this share (same guard as the document). */
export default async function SendReplyPage({ params }: { params: Promise<{ shareId: string }> }) {
  const shareId = idOrNotFound((await params).shareId);
  const { row, client } = await currentShareAccess(shareId);
  if (!(await rateLimit("portalIp", client.ip ?? "unknown")).success) return <RateLimitedMessage />;
  if (!row) notFound();
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <p className="text-sm">
        <Link href={`/share/s/${shareId}`} className="font-medium text-teal-800 hover:underline">
          ← Back to the document
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Send a document back</h1>
        <p className="mt-1 text-sm text-slate-600">
          It goes to <span className="font-medium text-slate-900">{row.sender.name}</span> at {row.org.name}, who shared the document with you. Send a PDF, or a photo or
          scan as a PNG or JPEG image, of up to 10 MB.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-xs">
        <ReplyForm shareId={shareId} senderName={row.sender.name} />
      </section>
    </div>
  );
}
