/** Where a chart's Inbox of documents sent back by contacts is shown: its Documents tab. */
export function inboxPath(clientId: string): string {
  return `/clients/${clientId}/documents#inbox`;
}
