import { describe, expect, it } from "vitest";
import { chooseLinkOrigin } from "./link-origin";

const headers = (values: Record<string, string>) => new Headers(values);
const direct = { publicOrigin: null, trustedProxyHops: 0 };
const behindProxy = { publicOrigin: null, trustedProxyHops: 1 };

describe("chooseLinkOrigin", () => {
  it("uses AUTH_URL whatever the request says", () => {
    expect(chooseLinkOrigin({ publicOrigin: "https://trellis.example.com", trustedProxyHops: 0 }, headers({ host: "evil.example", "x-forwarded-host": "evil.example" }))).toEqual({
      source: "AUTH_URL",
      origin: "https://trellis.example.com",
      warning: null,
    });
  });

  it("uses the Host of a direct request, http only for this machine, without a warning", () => {
    expect(chooseLinkOrigin(direct, headers({ host: "localhost:3000", "x-forwarded-host": "localhost:3000", "x-forwarded-proto": "http" }))).toEqual({ source: "request", origin: "http://localhost:3000", warning: null });
    expect(chooseLinkOrigin(direct, headers({ host: "Trellis.Internal" }))).toEqual({ source: "request", origin: "https://trellis.internal", warning: null });
    expect(chooseLinkOrigin(direct, headers({ host: "[::1]:3000" })).origin).toBe("http://[::1]:3000");
  });

  it("ignores forwarded headers from an untrusted client, and warns about them", () => {
    const chosen = chooseLinkOrigin(direct, headers({ host: "trellis.internal:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" }));
    expect(chosen.origin).toBe("https://trellis.internal:3000");
    expect(chosen.warning).toMatch(/came through a proxy.*Set AUTH_URL/);
  });

  it.each([
    ["https from a proxy", { host: "localhost:3000", "x-forwarded-proto": "https" }],
    ["a Forwarded header", { host: "localhost:3000", forwarded: "for=203.0.113.9" }],
    ["an X-Real-IP header", { host: "localhost:3000", "x-real-ip": "203.0.113.9" }],
  ])("warns when AUTH_URL is unset and the request shows %s", (_what, values) => {
    expect(chooseLinkOrigin(direct, headers(values)).warning).toMatch(/came through a proxy/);
  });

  it("follows a trusted proxy's forwarded host and scheme, and still warns", () => {
    const chosen = chooseLinkOrigin(behindProxy, headers({ host: "127.0.0.1:3000", "x-forwarded-host": "trellis.example.com", "x-forwarded-proto": "https" }));
    expect(chosen).toMatchObject({ source: "request", origin: "https://trellis.example.com" });
    expect(chosen.warning).toMatch(/Set AUTH_URL/);
  });

  it.each(["evil.example/path", "user@evil.example", "evil.example, trellis.example.com", "evil..example", "-evil.example", "evil.example:99999999", ""])(
    "makes no link from a host that is not a plain host name: %j",
    (host) => {
      const chosen = chooseLinkOrigin(behindProxy, headers({ host: "localhost:3000", "x-forwarded-host": host }));
      expect(chosen.origin).toBeNull();
      expect(chosen.warning).toMatch(/not a valid host name.*Set AUTH_URL/);
    },
  );
});
