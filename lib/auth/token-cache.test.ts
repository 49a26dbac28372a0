import { describe, expect, it } from "vitest";
import { sessionCookiePairs, TokenCache } from "./token-cache";

describe("the decoded session cookie cache", () => {
  it("answers until the token expires, then forgets it", () => {
    const cache = new TokenCache();
    cache.set("authjs.session-token=abc", "sid-1", 2_000);
    expect(cache.get("authjs.session-token=abc", 1_999)).toBe("sid-1");
    expect(cache.get("authjs.session-token=abc", 2_000)).toBeNull();
    expect(cache.get("authjs.session-token=abc", 1_000)).toBeNull();
  });

  it("keeps at most its size, dropping the oldest", () => {
    const cache = new TokenCache(2);
    cache.set("a", "1", 10);
    cache.set("b", "2", 10);
    cache.set("c", "3", 10);
    expect([cache.get("a", 0), cache.get("b", 0), cache.get("c", 0)]).toEqual([null, "2", "3"]);
  });

  it("keys on the session cookie alone, chunks included, whatever else the browser sends", () => {
    expect(sessionCookiePairs("theme=dark; authjs.session-token.1=bb; trellis-device=x; authjs.session-token.0=aa")).toBe("authjs.session-token.0=aa; authjs.session-token.1=bb");
    expect(sessionCookiePairs("__Secure-authjs.session-token=zz")).toBe("__Secure-authjs.session-token=zz");
    expect(sessionCookiePairs("authjs.csrf-token=1; fake-authjs.session-token=2")).toBe("");
  });
});
