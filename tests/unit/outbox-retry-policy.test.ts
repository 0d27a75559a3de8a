import { describe, expect, it, vi } from "vitest";
import { deliveryState } from "@/lib/outbox/delivery-state";
import { deliveryFailureText } from "@/lib/outbox/failure-text";
import { callWithTimeout, ProviderError, providerErrorCode } from "@/lib/outbox/provider-error";
import { backoffSeconds, canRetryLater, providerTimeoutMs, retryPolicyFor, retryUntilFor } from "@/lib/outbox/retry-policy";

describe("retry policy", () => {
  it("retries emails for 24 hours, a minute apart at first, doubling to at most an hour", () => {
    const policy = retryPolicyFor("document-shared");
    expect(policy.retryForMs).toBe(24 * 3_600_000);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffSeconds(n, policy))).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it("retries access-code texts only for the code's 10 minutes, at most 2 minutes apart", () => {
    const policy = retryPolicyFor("security-code");
    expect(policy.retryForMs).toBe(10 * 60_000);
    expect([1, 2, 3, 4, 5].map((n) => backoffSeconds(n, policy))).toEqual([15, 30, 60, 120, 120]);
    expect(canRetryLater("security-code")).toBe(false);
    expect(canRetryLater("member-invitation")).toBe(true);
    const from = new Date("2026-03-02T09:00:00Z");
    expect(retryUntilFor("security-code", from)).toEqual(new Date("2026-03-02T09:10:00Z"));
  });

  it("reads OUTBOX_RETRY_HOURS (never beyond the providers' 24-hour idempotency) and OUTBOX_PROVIDER_TIMEOUT_MS", () => {
    vi.stubEnv("OUTBOX_RETRY_HOURS", "6");
    vi.stubEnv("OUTBOX_PROVIDER_TIMEOUT_MS", "2500");
    expect(retryPolicyFor("intake-form").retryForMs).toBe(6 * 3_600_000);
    expect(providerTimeoutMs()).toBe(2500);
    vi.stubEnv("OUTBOX_RETRY_HOURS", "72");
    vi.stubEnv("OUTBOX_PROVIDER_TIMEOUT_MS", "");
    expect(retryPolicyFor("intake-form").retryForMs).toBe(24 * 3_600_000);
    expect(providerTimeoutMs()).toBe(10_000);
    vi.unstubAllEnvs();
  });
});

describe("provider calls", () => {
  it("a call that never answers is cut off and its request aborted", async () => {
    let aborted = false;
    const call = (signal: AbortSignal) =>
      new Promise<never>(() => {
        signal.addEventListener("abort", () => (aborted = true));
      });
    await expect(callWithTimeout(call, 50)).rejects.toMatchObject({ code: "timeout" });
    expect(aborted).toBe(true);
  });

  it("failures become short codes, never the provider's text", () => {
    expect(providerErrorCode(new ProviderError("http_503"))).toBe("http_503");
    expect(providerErrorCode(new Error("rosa@clinic.test bounced"))).toBe("network_error");
    expect(providerErrorCode(Object.assign(new Error("x"), { name: "TimeoutError" }))).toBe("timeout");
  });

  it("admins read a reason; senders a delivery state", () => {
    expect(deliveryFailureText("timeout")).toBe("The provider did not answer in time");
    expect(deliveryFailureText("http_503")).toBe("The provider was unavailable (http_503)");
    expect(deliveryFailureText("twilio_400_21211")).toBe("The provider refused it (twilio_400_21211)");
    expect(deliveryState({ status: "pending", lastError: null })).toBe("on_its_way");
    expect(deliveryState({ status: "pending", lastError: "timeout" })).toBe("retrying");
    expect(deliveryState({ status: "sending", lastError: "timeout" })).toBe("retrying");
    expect(deliveryState({ status: "failed", lastError: "timeout" })).toBe("not_delivered");
    expect(deliveryState({ status: "delivered_locally", lastError: null })).toBe("delivered");
  });
});
