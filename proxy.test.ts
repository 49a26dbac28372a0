import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT_BYTES } from "@/lib/request-limits";
import { proxy } from "./proxy";

const signedIn = { cookie: "authjs.session-token=abc" };
const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => new NextRequest(new URL(path, "http://localhost"), { ...init, headers: { ...signedIn, ...init.headers } });

describe("proxy", () => {
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
