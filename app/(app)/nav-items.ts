import type { NavItemKey } from "@/lib/access/navigation";
import type { NavIconName } from "@/components/app-shell/icons";

export const NAV_ITEMS = {
  sessions: { href: "/sessions", label: "Sessions", icon: "sessions" },
  clients: { href: "/clients", label: "Clients", icon: "clients" },
  documents: { href: "/documents", label: "Documents", icon: "documents" },
  contacts: { href: "/contacts", label: "Contacts", icon: "contacts" },
  notifications: { href: "/notifications", label: "Notifications", icon: "notifications" },
  settings: { href: "/settings", label: "Settings", icon: "settings" },
} as const satisfies Record<NavItemKey, { href: string; label: string; icon: NavIconName }>;
