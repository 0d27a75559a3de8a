import type { Metadata } from "next";
import Link from "next/link";
import { describeInvitation } from "@/lib/organisations/accept-invitation";
import { ExistingPasswordForm } from "@/components/forms/existing-password-form";
import { SetPasswordForm } from "@/components/forms/set-password-form";
import { acceptInvitationAction, acceptInvitationWithAccountAction } from "./actions";

export const metadata: Metadata = { title: "Your invitation" };

// Opening this page (a GET, as mail scanners do) never uses the invitation up; only the form does.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight text-teal-800">Carebridge</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {invitation?.hasAccount ? (
            <>
              <h1 className="text-lg font-semibold text-slate-900">Join {invitation.organisationName}</h1>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                You already have a Carebridge account with {invitation.email}. Enter its password to accept; your password stays the same.
              </p>
              <ExistingPasswordForm action={acceptInvitationWithAccountAction} token={token} email={invitation.email} submitLabel="Accept the invitation" />
            </>
          ) : invitation ? (
            <>
              <h1 className="text-lg font-semibold text-slate-900">Welcome, {invitation.name}</h1>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                Set a password to join <strong>{invitation.organisationName}</strong>. You&apos;ll sign in with {invitation.email}.
              </p>
              <SetPasswordForm action={acceptInvitationAction} token={token} submitLabel="Set password and continue" />
            </>
          ) : (
            <>
              <h1 className="text-lg font-semibold text-slate-900">This invitation link can&apos;t be used</h1>
              <p className="mt-2 text-sm text-slate-600">
                It may have expired (links last 24 hours), been used already, or been replaced by a newer invitation. Ask your clinic&apos;s admin to send
                you a new one.
              </p>
              <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-teal-800 hover:underline">
                Go to sign in
              </Link>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
