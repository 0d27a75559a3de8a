/**
 * What the sender of a message is told about it: nothing while it is on its way, "retrying"
 * once the provider has refused it at least once, "not_delivered" once retries have stopped.
 */
export type DeliveryState = "on_its_way" | "delivered" | "retrying" | "not_delivered";

export function deliveryState(message: { status: "pending" | "sending" | "delivered" | "delivered_locally" | "failed"; lastError: string | null }): DeliveryState {
  if (message.status === "failed") return "not_delivered";
  if (message.status === "delivered" || message.status === "delivered_locally") return "delivered";
  return message.lastError ? "retrying" : "on_its_way";
}
