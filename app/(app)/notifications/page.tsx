import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { RelativeTime } from "@/components/notifications/relative-time";
import { Icon } from "@/components/app-shell/icons";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireStaff } from "@/lib/auth/staff-actor";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { openNotificationAction } from "./actions";
import { MarkAllReadForm } from "./mark-all-read-form";

export const metadata: Metadata = { title: "Notifications" };

const PAGE_SIZE = 20;
const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

const hrefForPage = (page: number) => (page > 1 ? `/notifications?page=${page}` : "/notifications");

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const actor = await requireStaff();
  const page = pageParam.parse((await searchParams).page);
  const { items, total, unread } = await listNotifications(actor, { page, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) redirect(hrefForPage(pageCount));

  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          total === 0 ? undefined : unread > 0 ? `${unread} unread of ${total}.` : "Everything here has been read."
        }
        actions={unread > 0 ? <MarkAllReadForm /> : undefined}
      />
      {total === 0 ? (
        <EmptyState
          icon={<Icon name="bell" />}
          title="You're all caught up"
          description="When a colleague shares a session or a chart with you, it will appear here."
        />
      ) : (
        <>
          <ul aria-label="Notifications" className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
            {items.map((n) => {
              const unreadItem = !n.readAt;
              return (
                <li key={n.id} className={cn(unreadItem && "bg-teal-50/50")}>
                  {/* A form, so opening marks it read even without JavaScript; the server follows the stored link. */}
                  <form action={openNotificationAction}>
                    <input type="hidden" name="notificationId" value={n.id} />
                    <button
                      type="submit"
                      className="group flex w-full items-start gap-3 px-5 py-4 text-left transition-colors hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none focus-visible:ring-inset"
                    >
                      <span aria-hidden="true" className={cn("mt-1.5 size-2 shrink-0 rounded-full", unreadItem ? "bg-teal-600" : "bg-transparent")} />
                      <span className="min-w-0 flex-1">
                        {unreadItem ? <span className="sr-only">Unread: </span> : null}
                        <span className={cn("block text-sm text-slate-800 group-hover:underline", unreadItem && "font-medium text-slate-900")}>{n.text}</span>
                        <RelativeTime iso={n.createdAt.toISOString()} withAbsolute className="mt-1 block" />
                      </span>
                      {unreadItem ? (
                        <span aria-hidden="true" className="shrink-0 rounded-md bg-teal-100 px-2 py-0.5 text-xs font-medium text-teal-800">
                          New
                        </span>
                      ) : null}
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefForPage={hrefForPage} />
        </>
      )}
    </>
  );
}
