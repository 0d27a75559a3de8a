import type { Metadata } from "next";
import Link from "next/link";
import { describePortalInvitation } from "@/lib/client-portal/accept-portal-invitation";
import { ExistingPasswordForm } from "@/components/forms/existing-password-form";
import { SetPasswordForm } from "@/components/forms/set-password-form";
import { acceptPortalInvitationAction, acceptPortalInvitationWithLoginAction } from "../../actions";

export const metadata: Metadata = { title: "Set up your portal login" };

// Opening this page (a GET, as mail scanners do) never uses the invitation up; only the form does.
export default async function PortalInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describePortalInvitation(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-1 text-center text-2xl font-semibold tracking-tight text-teal-800">Carebridge</p>
        <p className="mb-6 text-center text-sm text-slate-600">Client portal</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {invitation?.hasLogin ? (
            <>
              <h1 className="text-lg font-semibold text-slate-900">Hello, {invitation.name}</h1>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                <strong>{invitation.clinicName}</strong> invited you to its client portal. You already have a portal login with {invitation.email}: enter its
                password to accept. Nothing from {invitation.clinicName} appears in your login until you do.
              </p>
              <ExistingPasswordForm action={acceptPortalInvitationWithLoginAction} token={token} email={invitation.email} submitLabel="Accept and open the portal" />
            </>
          ) : invitation ? (
            <>
              <h1 className="text-lg font-semibold text-slate-900">Welcome, {invitation.name}</h1>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                <strong>{invitation.clinicName}</strong> invited you to its client portal. Set a password; you&apos;ll sign in with {invitation.email}.
              </p>
              <SetPasswordForm action={acceptPortalInvitationAction} token={token} submitLabel="Set password and open the portal" />
            </>
          ) : (
            <>
              <h1 className="text-lg font-semibold text-slate-900">This invitation link can&apos;t be used</h1>
              <p className="mt-2 text-sm text-slate-600">It may have expired (links last 24 hours), been used already, or been replaced by a newer invitation. Ask your clinic to invite you again.</p>
              <Link href="/portal/sign-in" className="mt-4 inline-block text-sm font-medium text-teal-800 hover:underline">
                Go to the portal sign-in
              </Link>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
