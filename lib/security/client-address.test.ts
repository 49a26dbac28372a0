import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("without a trusted proxy, uses the last entry and does not trust it", () => {
    expect(clientAddress("203.0.113.9", 0)).toEqual({ address: "203.0.113.9", trusted: false });
    expect(clientAddress("1.2.3.4, 203.0.113.9", 0)).toEqual({ address: "203.0.113.9", trusted: false });
  });

  it("behind trusted proxies, takes the entry the outermost one appended, ignoring what the client claimed", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.7", 1)).toEqual({ address: "198.51.100.7", trusted: true });
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toEqual({ address: "198.51.100.7", trusted: true });
  });

  it("does not trust a chain shorter than the configured proxies", () => {
    expect(clientAddress("198.51.100.7", 2)).toEqual({ address: "198.51.100.7", trusted: false });
    expect(clientAddress(null, 1)).toEqual({ address: "unknown", trusted: false });
  });
});
