import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getStaffOrThrow } from "@/lib/auth/staff-actor";
import { PasswordSignInForm } from "@/components/forms/password-sign-in-form";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

/** Why the person is here, when a sign-in ended on the server (only known reasons; a number only). */
function signedOutNotice(reason: string | undefined, minutes: string | undefined): string | null {
  if (reason === "idle") {
    const n = Number(minutes);
    return Number.isInteger(n) && n > 0 && n <= 480 ? `You were signed out after ${n} minutes without activity.` : "You were signed out after a period without activity.";
  }
  if (reason === "signed_out_everywhere") return "You were signed out of all devices.";
  if (reason === "password_changed") return "Your password was changed and every device was signed out. Sign in with your new password.";
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reason?: string; minutes?: string; welcome?: string; email?: string }> }) {
  const { callbackUrl, reason, minutes, welcome, email } = await searchParams;
  const notice = signedOutNotice(reason, minutes);
  // Someone already signed in with an active membership has nothing to do here: on to where they
  // were going (same-site paths only), or home. A former member (reason=ended) sees the form.
  if (reason !== "ended") {
    const actor = await getStaffOrThrow().catch(() => null);
    if (actor) redirect(safeCallbackUrl(callbackUrl));
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-teal-800">Carebridge</p>
          <h1 className="mt-2 text-lg font-medium text-slate-700">Sign in to your clinic</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {reason === "ended" && (
            <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Your access to this organisation has ended. If you think this is a mistake, ask your clinic&apos;s admin.
            </p>
          )}
          {notice && (
            <p role="status" className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
              {notice}
            </p>
          )}
          {welcome && (
            <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
              {welcome === "joined" ? "Invitation accepted. Sign in to continue." : "Your password is set. Sign in to continue."}
            </p>
          )}
          <PasswordSignInForm action={signInAction} callbackUrl={callbackUrl ?? "/"} defaultEmail={email?.slice(0, 320)} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">Forgotten your password? Ask your clinic&apos;s admin to resend your invitation.</p>
        <p className="mt-2 text-center text-xs text-slate-500">Are you a client? <Link href="/portal/sign-in" className="font-medium text-teal-800 hover:underline">Sign in to the client portal</Link></p>
      </div>
    </main>
  );
}
