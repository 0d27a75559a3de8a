import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { PasswordSignInForm } from "@/components/forms/password-sign-in-form";
import { portalSignInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function PortalSignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; signedOut?: string }> }) {
  const { callbackUrl, signedOut } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-1 text-center text-2xl font-semibold tracking-tight text-teal-800">Carebridge</p>
        <p className="mb-6 text-center text-sm text-slate-600">Client portal</p>
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-semibold text-slate-900">Sign in to your portal</h1>
          {signedOut ? <Alert tone="success">You have signed out.</Alert> : null}
          <PasswordSignInForm action={portalSignInAction} callbackUrl={typeof callbackUrl === "string" ? callbackUrl : "/portal"} />
          <p className="text-xs text-slate-500">This sign-in is for clients. Clinic staff sign in at the staff app.</p>
        </div>
      </div>
    </main>
  );
}
