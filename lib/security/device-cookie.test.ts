import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE, deviceCookieFrom, readDeviceCookie, signDeviceCookie } from "./device-cookie";

const secret = "a-test-secret-that-is-long-enough-000000";

describe("device cookie", () => {
  it("reads back the account it was issued for, with a fresh nonce each time", () => {
    const first = readDeviceCookie(signDeviceCookie("person-1", secret), secret);
    const second = readDeviceCookie(signDeviceCookie("person-1", secret), secret);
    expect(first?.personId).toBe("person-1");
    expect(first?.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second?.nonce).not.toBe(first?.nonce);
  });

  it("refuses a cookie signed with another secret", () => {
    expect(readDeviceCookie(signDeviceCookie("person-1", `${secret}-other`), secret)).toBeNull();
  });

  it("refuses a cookie whose account was swapped", () => {
    const [, signature] = signDeviceCookie("person-1", secret, "nonce").split(".");
    const forged = `${Buffer.from("person-2:nonce").toString("base64url")}.${signature}`;
    expect(readDeviceCookie(forged, secret)).toBeNull();
  });

  it.each(["", "abc", "abc.def", "a.b.c", `${Buffer.from("no-colon").toString("base64url")}.x`, "x".repeat(600)])("refuses garbage: %j", (value) => {
    expect(readDeviceCookie(value, secret)).toBeNull();
  });

  it("finds the cookie among others in a Cookie header", () => {
    const value = signDeviceCookie("person-1", secret);
    expect(deviceCookieFrom(`authjs.session-token=abc; ${DEVICE_COOKIE}=${value}; other=1`)).toBe(value);
    expect(deviceCookieFrom("other=1")).toBeNull();
    expect(deviceCookieFrom(null)).toBeNull();
  });
});
