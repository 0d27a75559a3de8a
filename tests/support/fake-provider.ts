import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeBehaviour = "fail" | "hang" | "ok";

export interface FakeProvider {
  url: string;
  /** What the next requests do, in order; once used up, the last one repeats. */
  plan(...behaviours: FakeBehaviour[]): void;
  /** Every request received: its idempotency key and the behaviour it met. */
  requests: { key: string | null; behaviour: FakeBehaviour }[];
  /** Messages the provider took, one per idempotency key (as Resend and Twilio dedupe them). */
  sent: Map<string, string>;
  close(): Promise<void>;
}

/**
 * A stand-in for Resend's and Twilio's HTTP APIs on a local port: fails (503), hangs (accepts the
 * message and never answers, as a provider whose reply is lost) or answers like the real one.
 */
export async function startFakeProvider(): Promise<FakeProvider> {
  let queue: FakeBehaviour[] = ["ok"];
  const requests: FakeProvider["requests"] = [];
  const sent = new Map<string, string>();
  const hung = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const behaviour = queue.length > 1 ? queue.shift()! : queue[0]!;
      const key = (req.headers["idempotency-key"] ?? req.headers["i-twilio-idempotency-token"] ?? null) as string | null;
      requests.push({ key, behaviour });
      const twilio = req.url?.includes("/Messages.json");
      if (behaviour === "fail") {
        res.writeHead(503, { "Content-Type": "application/json" });
        res.end(JSON.stringify(twilio ? { code: 20500, message: "Service unavailable" } : { name: "application_error", statusCode: 503, message: "Service unavailable" }));
        return;
      }
      if (key && !sent.has(key)) sent.set(key, body);
      if (behaviour === "hang") {
        hung.add(res);
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(twilio ? { sid: `SM${sent.size}` } : { id: `re_${sent.size}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    plan: (...behaviours) => (queue = behaviours.length ? behaviours : ["ok"]),
    requests,
    sent,
    close: async () => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
