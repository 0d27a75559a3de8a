import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { portalProfileName } from "@/lib/client-portal/profile-name";
import { countOpenForms, listMyProfiles } from "@/lib/client-portal/portal-profiles";
import { requireClientAccount } from "@/lib/client-portal/require-client";

export const metadata: Metadata = { title: "Your profiles" };

export default async function PortalHomePage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const client = await requireClientAccount();
  const profiles = await listMyProfiles(client);
  // Only profiles this login may see (listMyProfiles) are counted.
  const openForms = await countOpenForms(profiles.map((p) => p.clientId));
  const { welcome } = await searchParams;
  return (
    <div className="space-y-6">
      {welcome ? <Alert tone="success">Your portal login is ready.</Alert> : null}
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Your profiles</h1>
        <p className="mt-1 text-sm text-slate-600">Each profile is kept separately by the clinic. Choose one to see its details and the forms sent to it.</p>
      </div>
      {profiles.length === 0 ? (
        <EmptyState title="No profiles" description="Your clinic hasn't given this login any profiles, or access has been withdrawn." />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Profiles">
          {profiles.map((p, i) => ({ p, label: portalProfileName(p, i, profiles) })).map(({ p, label }) => (
            <li key={p.clientId}>
              <Card>
                <CardBody>
                  <Link href={`/portal/profiles/${p.clientId}`} className="text-base font-semibold text-teal-800 hover:underline">
                    {label.name}
                    {label.detail ? <span className="font-normal text-slate-600"> — {label.detail}</span> : null}
                  </Link>
                  <p className="mt-1 text-sm text-slate-600">{p.organisationName}</p>
                  <p className="mt-1 text-sm text-slate-600">{p.canManage ? "You can manage this information." : "View only."}</p>
                  {openForms.get(p.clientId) ? (
                    <p className="mt-2">
                      <Badge tone="warning">{openForms.get(p.clientId) === 1 ? "1 form to complete" : `${openForms.get(p.clientId)} forms to complete`}</Badge>
                    </p>
                  ) : null}
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
