import type { StaffActor } from "./actor";
import { canOpenSettings } from "./audit-log";
import { levelAtLeast } from "./permissions";

export type NavItemKey = "sessions" | "clients" | "documents" | "contacts" | "notifications" | "settings";

/** Which areas of the app this actor's role opens (the server still checks every page and action). */
export function navigationFor(actor: StaffActor): NavItemKey[] {
  const p = actor.role.permissions;
  const items: NavItemKey[] = [];
  if (levelAtLeast(p.sessions, "view")) items.push("sessions");
  if (levelAtLeast(p.patients, "view")) items.push("clients");
  if ([p.letters, p.patients, p.labs, p.invoices].some((l) => levelAtLeast(l, "view"))) items.push("documents");
  if (levelAtLeast(p.contacts, "view")) items.push("contacts");
  items.push("notifications");
  if (canOpenSettings(actor)) items.push("settings");
  return items;
}
