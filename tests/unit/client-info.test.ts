import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientInfoFromHeaders, clientIp } from "@/lib/request/client-info";
import { SOCKET_ADDRESS_HEADER, stampSocketAddresses, trustedProxyHops } from "@/lib/request/proxy-trust";

const request = (values: Record<string, string>) => new Headers(values);

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 and accepts whole numbers", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("0")).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("3")).toBe(3);
  });

  it("refuses anything else, naming the variable", () => {
    for (const bad of ["-1", "1.5", "yes", "true", "99"]) expect(() => trustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("the client IP with 0 trusted proxies (clients connect to the app directly)", () => {
  it("is the socket address, whatever X-Forwarded-For and X-Real-IP say", () => {
    const ips = ["203.0.113.1", "203.0.113.2, 198.51.100.9", "10.0.0.1"].map((xff) =>
      clientIp(request({ [SOCKET_ADDRESS_HEADER]: "192.0.2.10", "x-forwarded-for": xff, "x-real-ip": "203.0.113.77" }), 0),
    );
    expect(ips).toEqual(["192.0.2.10", "192.0.2.10", "192.0.2.10"]);
  });

  it("reads IPv4-mapped IPv6 socket addresses as IPv4 and keeps IPv6", () => {
    expect(clientIp(request({ [SOCKET_ADDRESS_HEADER]: "::ffff:192.0.2.10" }), 0)).toBe("192.0.2.10");
    expect(clientIp(request({ [SOCKET_ADDRESS_HEADER]: "2001:db8::1" }), 0)).toBe("2001:db8::1");
  });

  it("is unknown without a socket address, never the forwarded one", () => {
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.1" }), 0)).toBeNull();
    expect(clientIp(request({ [SOCKET_ADDRESS_HEADER]: "not an address" }), 0)).toBeNull();
  });
});

describe("the client IP behind trusted proxies", () => {
  it("with 1 hop is the right-most X-Forwarded-For value (what our proxy saw), not what the client wrote", () => {
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.5" }), 1)).toBe("203.0.113.5");
    expect(clientIp(request({ "x-forwarded-for": "6.6.6.6, 7.7.7.7 ,203.0.113.5", [SOCKET_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("203.0.113.5");
  });

  it("with n hops is the n-th value from the right", () => {
    expect(clientIp(request({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.3" }), 2)).toBe("203.0.113.5");
    expect(clientIp(request({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.3, 10.0.0.4" }), 3)).toBe("203.0.113.5");
  });

  it("takes the left-most value when there are fewer values than proxies, and the socket when there are none", () => {
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.5" }), 2)).toBe("203.0.113.5");
    expect(clientIp(request({ [SOCKET_ADDRESS_HEADER]: "192.0.2.10" }), 1)).toBe("192.0.2.10");
  });

  it("is unknown when the trusted value is not an IP address", () => {
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.5, <script>" }), 1)).toBeNull();
  });
});

describe("client info", () => {
  it("uses TRUSTED_PROXY_HOPS and keeps the user agent short", () => {
    const h = request({ [SOCKET_ADDRESS_HEADER]: "192.0.2.10", "x-forwarded-for": "203.0.113.5", "user-agent": "x".repeat(400) });
    expect(clientInfoFromHeaders(h, 0)).toEqual({ ip: "192.0.2.10", userAgent: "x".repeat(300) });
    expect(clientInfoFromHeaders(h, 1).ip).toBe("203.0.113.5");
  });
});

describe("the socket address stamp on a real Node server", () => {
  it("overwrites whatever the client sent under the header's name with the TCP peer's address", async () => {
    stampSocketAddresses();
    stampSocketAddresses(); // idempotent
    const server = http.createServer((req, res) => res.end(JSON.stringify({ socket: req.headers[SOCKET_ADDRESS_HEADER], xff: req.headers["x-forwarded-for"] })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const body = await new Promise<string>((resolve, reject) => {
        // A second loopback source address shows the value is the real peer, not a constant.
        const req = http.get({ host: "127.0.0.1", port, localAddress: "127.0.0.23", headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.1" } }, (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve(text));
        });
        req.on("error", reject);
      });
      expect(JSON.parse(body)).toEqual({ socket: "127.0.0.23", xff: "203.0.113.1" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
