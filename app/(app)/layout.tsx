import { AppShell } from "@/components/app-shell/app-shell";
import { navigationFor } from "@/lib/access/navigation";
import { requireStaff } from "@/lib/auth/staff-actor";
import { signOutAction } from "./actions";
import { NAV_ITEMS } from "./nav-items";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaff();
  return (
    <AppShell
      organisationName={actor.organisationName}
      userName={actor.name}
      userEmail={actor.email}
      roleName={actor.role.name}
      nav={navigationFor(actor).map((key) => NAV_ITEMS[key])}
      signOut={signOutAction}
    >
      {children}
    </AppShell>
  );
}
