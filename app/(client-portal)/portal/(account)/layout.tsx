import Link from "next/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { portalProfileName } from "@/lib/client-portal/profile-name";
import { listMyProfiles } from "@/lib/client-portal/portal-profiles";
import { requireClientAccount } from "@/lib/client-portal/require-client";
import { portalSignOutAction } from "../actions";
import { ProfileSwitcher } from "./profile-switcher";

export default async function PortalAccountLayout({ children }: { children: React.ReactNode }) {
  const client = await requireClientAccount();
  const profiles = await listMyProfiles(client);
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          {/* Home is the list of profiles, from any page of the portal. */}
          <Link href="/portal" className="rounded-md focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none">
            <span className="block text-lg font-semibold tracking-tight text-teal-800">Carebridge</span>
            <span className="block text-xs text-slate-500">Client portal · Your profiles</span>
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-700">{client.name}</span>
            <form action={portalSignOutAction}>
              <SubmitButton variant="ghost" size="sm" pendingLabel="Signing out…">
                Sign out
              </SubmitButton>
            </form>
          </div>
        </div>
        {/* One profile needs no switcher: the header already names the person. */}
        {profiles.length > 1 ? (
          <div className="mx-auto max-w-4xl px-4">
            <ProfileSwitcher profiles={profiles.map((p, i) => ({ id: p.clientId, ...portalProfileName(p, i, profiles), clinic: p.organisationName }))} />
          </div>
        ) : null}
      </header>
      <main className="mx-auto max-w-4xl px-4 py-8">{children}</main>
    </>
  );
}
