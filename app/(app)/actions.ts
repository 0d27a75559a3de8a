"use server";

import { signOut } from "@/lib/auth/auth";
import { recordSignOut } from "@/lib/auth/record-sign-out";

export async function signOutAction(): Promise<void> {
  await recordSignOut();
  await signOut({ redirectTo: "/sign-in" });
}
