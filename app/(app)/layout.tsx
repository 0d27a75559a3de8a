import { AppShell } from "@/components/app-shell/app-shell";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { navigationFor } from "@/lib/access/navigation";
import { requireStaff } from "@/lib/auth/staff-actor";
import { getBellSummary } from "@/lib/notifications/get-bell-summary";
import { toNotificationJson } from "@/lib/notifications/notification-dto";
import { signOutAction } from "./actions";
import { NAV_ITEMS } from "./nav-items";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaff();
  // The bell's first paint has the count; it keeps itself current from /api/notifications.
  const bell = await getBellSummary(actor);
  return (
    <AppShell
      organisationName={actor.organisationName}
      userName={actor.name}
      userEmail={actor.email}
      roleName={actor.role.name}
      nav={navigationFor(actor).map((key) => NAV_ITEMS[key])}
      signOut={signOutAction}
      bell={<NotificationBell initialUnread={bell.unread} initialLatest={bell.items.map(toNotificationJson)} />}
    >
      {children}
    </AppShell>
  );
}
