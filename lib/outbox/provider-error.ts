import "server-only";

/**
 * A provider's refusal, reduced to a short code ("timeout", "http_503", "resend_validation_error").
 * Only the code is stored, logged and shown: a provider's own message can echo the address.
 */
export class ProviderError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "ProviderError";
  }
}

/** The code for anything a provider call threw. */
export function providerErrorCode(error: unknown): string {
  if (error instanceof ProviderError) return error.code;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  return "network_error";
}

/** Runs one provider call with a deadline; the signal aborts the request when it is exceeded. */
export async function callWithTimeout<T>(call: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ProviderError("timeout"));
      controller.abort(new ProviderError("timeout"));
    }, ms);
  });
  try {
    // The race also covers a provider that ignores the signal.
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
