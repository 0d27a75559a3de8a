import "server-only";
import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import type { NotificationDto, NotificationJson } from "./types";

/**
 * The only notifications an actor may ever see or change: their own, in the organisation they act
 * in (or account-wide ones with no organisation). Every query in this folder starts from here, so
 * the rule lives in SQL and leads with user_id (notifications_user_idx / notifications_unread_idx).
 */
export function ownNotifications(actor: StaffActor): SQL {
  return and(
    eq(notifications.userId, actor.userId),
    or(eq(notifications.organisationId, actor.organisationId), isNull(notifications.organisationId)),
  )!;
}

/** Explicit column list: the DTO, never the row. */
export const notificationColumns = {
  id: notifications.id,
  kind: notifications.kind,
  text: notifications.text,
  link: notifications.link,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

/**
 * Guards against an open redirect: a stored link is followed by the browser and by a server-side
 * redirect, so only a same-origin path ("/x", not "//host" or "/\host") is kept.
 */
export function safeInAppLink(link: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(link) ? link : "/notifications";
}

export function toNotificationDto(row: NotificationDto): NotificationDto {
  return { id: row.id, kind: row.kind, text: row.text, link: safeInAppLink(row.link), createdAt: row.createdAt, readAt: row.readAt };
}

export function toNotificationJson(dto: NotificationDto): NotificationJson {
  return { ...dto, createdAt: dto.createdAt.toISOString(), readAt: dto.readAt ? dto.readAt.toISOString() : null };
}
