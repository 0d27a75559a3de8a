"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { markAllNotificationsRead } from "@/lib/notifications/mark-all-notifications-read";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";

const notificationInput = z.object({ notificationId: z.uuid() });

// The bell lives in the (app) layout, so its count is refreshed with the whole layout.
function revalidateNotifications() {
  revalidatePath("/", "layout");
}

/** Called by the bell before it navigates to the notification's link. */
export async function markNotificationReadAction(notificationId: string): Promise<FormState> {
  const { state } = await handleStaffForm(notificationInput, { notificationId }, markNotificationRead);
  if (state.ok) revalidateNotifications();
  return state;
}

/**
 * The Notifications page's item link (works without JavaScript): marks it read and follows the
 * link stored with the notification — never one sent by the browser.
 */
export async function openNotificationAction(data: FormData): Promise<void> {
  const { result } = await handleStaffForm(notificationInput, Object.fromEntries(data), markNotificationRead);
  revalidateNotifications();
  redirect(result?.link ?? "/notifications");
}

export async function markAllNotificationsReadAction(): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({}), {}, (actor) => markAllNotificationsRead(actor));
  if (state.ok) revalidateNotifications();
  return state;
}
