import { AppShell } from "@/components/app-shell/app-shell";
import { RecheckOnHistory } from "@/components/app-shell/recheck-on-history";
import { OrganisationSwitcher } from "@/components/app-shell/organisation-switcher";
import { IdleWarning } from "@/components/auth/idle-warning";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { navigationFor } from "@/lib/access/navigation";
import { listMyOrganisations } from "@/lib/auth/auth-sessions/list-my-organisations";
import { DEFAULT_IDLE_TIMEOUT_MINUTES } from "@/lib/auth/auth-sessions/types";
import { requireStaff } from "@/lib/auth/staff-actor";
import { getBellSummary } from "@/lib/notifications/get-bell-summary";
import { toNotificationJson } from "@/lib/notifications/notification-dto";
import { signOutAction, switchOrganisationAction } from "./actions";
import { NAV_ITEMS } from "./nav-items";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaff();
  // The bell's first paint has the count; it keeps itself current from /api/notifications.
  const [bell, organisations] = await Promise.all([getBellSummary(actor), listMyOrganisations(actor)]);
  return (
    <AppShell
      organisationName={actor.organisationName}
      organisationSwitcher={
        organisations.length > 1 ? <OrganisationSwitcher key={actor.organisationId} current={actor.organisationId} organisations={organisations} action={switchOrganisationAction} /> : undefined
      }
      accountHref="/account"
      userName={actor.name}
      userEmail={actor.email}
      roleName={actor.role.name}
      nav={navigationFor(actor).map((key) => NAV_ITEMS[key])}
      signOut={signOutAction}
      bell={<NotificationBell initialUnread={bell.unread} initialLatest={bell.items.map(toNotificationJson)} />}
    >
      {children}
      <RecheckOnHistory />
      <IdleWarning idleTimeoutMinutes={actor.authSession?.idleTimeoutMinutes ?? DEFAULT_IDLE_TIMEOUT_MINUTES} />
    </AppShell>
  );
}
