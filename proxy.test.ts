import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FORM_BODY_LIMIT_BYTES } from "@/lib/request-limits";
import { proxy } from "./proxy";

const signedIn = { cookie: "authjs.session-token=abc" };
const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => new NextRequest(new URL(path, "http://localhost"), { ...init, headers: { ...signedIn, ...init.headers } });

describe("proxy", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a post from another site with 403 and one warning line, before Next runs the action", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = proxy(request("/admin/people", { method: "POST", headers: { origin: "https://evil.example", host: "trellis.example.com", "next-action": "abc123", "content-length": "10" } }));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/sent from another site/);
    expect(response.headers.get("x-middleware-next")).toBeNull();
    expect(warn.mock.calls).toEqual([["[trellis] refused: cross-origin POST to /admin/people from evil.example (this site is trellis.example.com)"]]);
  });

  it("lets the site's own post through", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = proxy(request("/admin/people", { method: "POST", headers: { origin: "https://trellis.example.com", host: "trellis.example.com", "next-action": "abc123", "content-length": "10" } }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(warn).not.toHaveBeenCalled();
  });

  it("sets the nonce policy on pages and leaves a receipt download's own policy to the route", () => {
    expect(proxy(request("/stipend")).headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(proxy(request("/stipend/receipts/some-id")).headers.get("content-security-policy")).toBeNull();
  });

  it("answers a post over the form limit with 413 and one of unknown length with 411, before Next reads the body", async () => {
    const over = proxy(request("/stipend/new", { method: "POST", headers: { "content-length": String(FORM_BODY_LIMIT_BYTES + 1) } }));
    expect(over.status).toBe(413);
    expect(await over.text()).toMatch(/receipts can be up to 5 MB/);
    expect(proxy(request("/stipend/new", { method: "POST" })).status).toBe(411);
    const within = proxy(request("/stipend/new", { method: "POST", headers: { "content-length": String(FORM_BODY_LIMIT_BYTES) } }));
    expect(within.headers.get("x-middleware-next")).toBe("1");
  });
});
