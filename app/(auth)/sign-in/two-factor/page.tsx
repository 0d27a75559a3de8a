import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { readPendingSignIn } from "@/lib/auth/two-factor/pending-sign-in-cookie";
import { SignInCodeForm } from "@/components/two-factor/sign-in-code-form";
import { verifySignInCodeAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function SignInCodePage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only after a right password (the cookie holds its ticket); the action checks it again.
  if (!(await readPendingSignIn())) redirect("/sign-in");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-teal-800">Carebridge</p>
          <h1 className="mt-2 text-lg font-medium text-slate-700">Two-factor sign-in</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInCodeForm action={verifySignInCodeAction} callbackUrl={callbackUrl ?? "/"} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-600">
          Lost your phone and your recovery codes? Ask your clinic&apos;s admin to reset your two-factor sign-in.{" "}
          <Link href="/sign-in" className="font-medium text-teal-800 hover:underline">
            Back to sign-in
          </Link>
        </p>
      </div>
    </main>
  );
}
