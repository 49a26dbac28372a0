import { describe, expect, it } from "vitest";
import { crossOriginAction, forLog, type PostRequest } from "./action-origin";

const post = (over: Partial<PostRequest>): PostRequest => ({ method: "POST", pathname: "/account", origin: "https://trellis.example.com", host: "trellis.example.com", forwardedHost: null, ...over });

describe("cross-origin posts to pages", () => {
  it("lets a post from the site itself through, by Host or by the proxy's X-Forwarded-Host", () => {
    expect(crossOriginAction(post({}))).toBeNull();
    expect(crossOriginAction(post({ host: "127.0.0.1:3000", forwardedHost: "trellis.example.com" }))).toBeNull();
    expect(crossOriginAction(post({ origin: "http://localhost:3104", host: "localhost:3104" }))).toBeNull();
  });

  it.each([
    ["another site", "https://evil.example", "evil.example"],
    ["a look-alike sub-domain", "https://trellis.example.com.evil.example", "trellis.example.com.evil.example"],
    ["the same host on another port", "https://trellis.example.com:8443", "trellis.example.com:8443"],
    ["a sandboxed frame (Origin: null)", "null", "null"],
    ["an Origin that is not a URL", "not a url", "not a url"],
  ])("refuses %s", (_, origin, originHost) => {
    expect(crossOriginAction(post({ origin }))).toEqual({ originHost, expectedHost: "trellis.example.com" });
  });

  it("compares with the first forwarded host, as Next does, not with Host", () => {
    expect(crossOriginAction(post({ forwardedHost: "proxy.internal, trellis.example.com" }))).toEqual({ originHost: "trellis.example.com", expectedHost: "proxy.internal" });
  });

  it("leaves alone what is not a post to a page, and posts without an Origin", () => {
    expect(crossOriginAction(post({ method: "GET", origin: "https://evil.example" }))).toBeNull();
    expect(crossOriginAction(post({ pathname: "/api/auth/callback/credentials", origin: "https://evil.example" }))).toBeNull();
    expect(crossOriginAction(post({ origin: null }))).toBeNull();
  });

  it("keeps what the sender wrote short and printable in the log", () => {
    expect(forLog("evil.example\n[trellis] forged line")).toBe("evil.example?[trellis] forged line");
    expect(forLog("a".repeat(300))).toHaveLength(103);
    expect(forLog(null)).toBe("(none)");
  });
});
