import type { Metadata } from "next";
import { RelativeTime } from "@/components/notifications/relative-time";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { formatDate, formatDateTime } from "@/components/sessions/session-badges";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listSignedInDevices } from "@/lib/auth/auth-sessions/list-signed-in-devices";
import { requireStaff, TWO_FACTOR_SETUP_PATH } from "@/lib/auth/staff-actor";
import { getTwoFactorStatus } from "@/lib/auth/two-factor/get-two-factor-status";
import { ChangePasswordForm, SignOutDeviceForm, SignOutEverywhereForm, TurnOffTwoFactorForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireStaff();
  const [devices, twoFactor] = await Promise.all([listSignedInDevices(actor), getTwoFactorStatus(actor)]);
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
                    {d.ip ?? "Unknown address"} · {d.organisationName} · signed in {formatDateTime(d.createdAt)} · last active{" "}
                    <RelativeTime iso={d.lastActiveAt.toISOString()} />
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
        <CardHeader
          title="Two-factor sign-in"
          description="Sign in with your password and a code from an authenticator app on your phone, so a stolen password alone does not open clinical records."
        />
        <CardBody>
          {twoFactor.enabled ? (
            <div className="space-y-4">
              <p className="text-sm text-slate-700">
                <Badge tone="success">On</Badge> since {twoFactor.enabledAt ? formatDate(twoFactor.enabledAt) : "—"} · {twoFactor.recoveryCodesLeft} of 10 recovery codes unused
              </p>
              {twoFactor.requiredByOrganisation ? (
                <p className="text-sm text-slate-600">{actor.organisationName} requires two-factor sign-in, so it stays on. Lost your phone? Ask an admin to reset it.</p>
              ) : (
                <TurnOffTwoFactorForm />
              )}
            </div>
          ) : (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-slate-700">
                <Badge>Off</Badge> You sign in with your password only.
              </p>
              <ButtonLink href={TWO_FACTOR_SETUP_PATH} variant="primary">
                Set up two-factor sign-in
              </ButtonLink>
            </div>
          )}
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
