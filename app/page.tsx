import { redirect } from "next/navigation";
import { navigationFor } from "@/lib/access/navigation";
import { requireStaff } from "@/lib/auth/staff-actor";
import { NAV_ITEMS } from "./(app)/nav-items";

// The home page is the first area the person's role opens.
export default async function Home() {
  const actor = await requireStaff();
  const [first] = navigationFor(actor);
  redirect(NAV_ITEMS[first ?? "notifications"].href);
}
