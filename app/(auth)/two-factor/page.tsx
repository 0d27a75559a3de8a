import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TwoFactorSetupSteps } from "@/components/two-factor/two-factor-setup";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requireStaffForTwoFactorSetup } from "@/lib/auth/staff-actor";
import { getTwoFactorStatus } from "@/lib/auth/two-factor/get-two-factor-status";
import { startTwoFactorSetup } from "@/lib/auth/two-factor/start-two-factor-setup";
import { signOutAction } from "../../(app)/actions";
import { enableTwoFactorAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/**
 * Outside the staff layout on purpose: a member whose organisation requires two-factor sign-in
 * reaches only this page (and its action) until they have set it up.
 */
export default async function TwoFactorSetupPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const actor = await requireStaffForTwoFactorSetup();
  const next = safeCallbackUrl((await searchParams).callbackUrl ?? "/account");
  const [status, setup] = await Promise.all([getTwoFactorStatus(actor), startTwoFactorSetup(actor)]);
  if (setup.status === "enabled") redirect("/account");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-teal-800">Carebridge</p>
          {/* One title for both steps: setting it up, then (same page) the recovery codes once it is on. */}
          <h1 className="mt-2 text-lg font-medium text-slate-700">Two-factor sign-in</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {status.requiredByOrganisation && (
            <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {actor.organisationName} requires two-factor sign-in. Set it up to continue.
            </p>
          )}
          <TwoFactorSetupSteps
            action={enableTwoFactorAction}
            qrCodeDataUrl={setup.qrCodeDataUrl}
            secret={setup.secret}
            email={actor.email}
            clinicName={actor.organisationName}
            next={next}
            notNowHref={status.requiredByOrganisation ? undefined : "/account"}
          />
        </div>
        <div className="mt-6 flex items-center justify-center gap-4 text-sm">
          <form action={signOutAction}>
            <button type="submit" className="font-medium text-teal-800 hover:underline">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </main>
  );
}
