import type { Metadata } from "next";
import { RelativeTime } from "@/components/notifications/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listSignedInDevices } from "@/lib/auth/auth-sessions/list-signed-in-devices";
import { requireStaff } from "@/lib/auth/staff-actor";
import { ChangePasswordForm, SignOutDeviceForm, SignOutEverywhereForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireStaff();
  const devices = await listSignedInDevices(actor);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="Your account" description={`${actor.name} · ${actor.email}`} />
      <Card>
        <CardHeader
          title="Signed-in devices"
          description={`Each browser where you are signed in. A device is signed out after ${actor.authSession?.idleTimeoutMinutes ?? 30} minutes without activity.`}
        />
        <CardBody>
          <ul className="divide-y divide-slate-100" aria-label="Signed-in devices">
            {devices.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-900">
                    {d.device} {d.current ? <Badge tone="success">This device</Badge> : null}
                  </p>
                  <p className="text-slate-600">
                    {d.ip ?? "Unknown address"} · {d.organisationName} · last active <RelativeTime iso={d.lastActiveAt.toISOString()} />
                  </p>
                </div>
                {d.current ? null : <SignOutDeviceForm authSessionId={d.id} device={d.device} />}
              </li>
            ))}
          </ul>
          <div className="mt-4 border-t border-slate-200 pt-4">
            <SignOutEverywhereForm />
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Password" />
        <CardBody>
          <ChangePasswordForm />
        </CardBody>
      </Card>
    </div>
  );
}
