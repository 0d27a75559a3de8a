import "server-only";
import { after } from "next/server";
import { deliverDueMessages } from "./deliver";

/**
 * Call after a transaction that queued messages has committed: delivery runs once the response
 * has been sent. Outside a request (scripts, tests) it does nothing; the retry path
 * (cron route or `npm run outbox:deliver`) delivers whatever is left.
 */
export function scheduleOutboxDelivery(): void {
  try {
    after(async () => {
      await deliverDueMessages({ limit: 20 });
    });
  } catch {
    // not in a request scope
  }
}
