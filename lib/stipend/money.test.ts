import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, isCurrency, minorToDecimal, parseMoney } from "./money";

describe("parseMoney", () => {
  it.each([
    ["49.99", "USD", 4999],
    ["1,200", "USD", 120000],
    ["1200.5", "USD", 120050],
    ["1200.", "USD", 120000],
    ["  $1,200.50 ", "USD", 120050],
    ["0.01", "USD", 1],
    ["1,234,567.89", "EUR", 123456789],
    ["£12", "GBP", 1200],
    ["5000", "JPY", 5000],
    ["1,500", "JPY", 1500],
    ["1.234", "BHD", 1234],
  ])("reads %s %s as %d minor units", (input, currency, minor) => {
    expect(parseMoney(input, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ["", "USD", "Enter an amount"],
    ["   ", "USD", "Enter an amount"],
    ["-5", "USD", "The amount must be more than zero"],
    ["0", "USD", "The amount must be more than zero"],
    ["0.00", "USD", "The amount must be more than zero"],
    ["49.999", "USD", "USD amounts have at most 2 decimals"],
    ["12.5", "JPY", "JPY amounts have no decimals"],
    ["abc", "USD", "Enter an amount like 49.99 or 1,200"],
    ["12,34", "USD", "Enter an amount like 49.99 or 1,200"],
    ["1.200,50", "EUR", "Enter an amount like 49.99 or 1,200"],
    ["1e3", "USD", "Enter an amount like 49.99 or 1,200"],
    ["1 200", "USD", "Enter an amount like 49.99 or 1,200"],
    [".5", "USD", "Enter an amount like 49.99 or 1,200"],
    ["12..5", "USD", "Enter an amount like 49.99 or 1,200"],
    ["99999999999999999999", "USD", "That amount is too large"],
  ])("refuses %j in %s: %s", (input, currency, error) => {
    expect(parseMoney(input, currency)).toEqual({ ok: false, error });
  });
});

describe("a zero allowance", () => {
  it("is accepted only where it is asked for", () => {
    expect(parseMoney("0", "USD", { allowZero: true })).toEqual({ ok: true, minor: 0 });
    expect(parseMoney("0.00", "USD")).toMatchObject({ ok: false });
  });
});

describe("currencies", () => {
  it("knows each currency's minor unit", () => {
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("GBP")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
  });
  it("accepts ISO codes only", () => {
    expect(isCurrency("USD")).toBe(true);
    expect(isCurrency("usd")).toBe(false);
    expect(isCurrency("XYZ")).toBe(false);
  });
});

describe("formatting", () => {
  it("formats for people", () => {
    expect(formatMoney(120050, "USD")).toBe("$1,200.50");
    expect(formatMoney(0, "USD")).toBe("$0.00");
    expect(formatMoney(5000, "JPY")).toBe("¥5,000");
    expect(formatMoney(4999, "EUR")).toBe("€49.99");
  });
  it("writes exact decimals for files and form fields", () => {
    expect(minorToDecimal(120050, "USD")).toBe("1200.50");
    expect(minorToDecimal(5, "USD")).toBe("0.05");
    expect(minorToDecimal(-150, "USD")).toBe("-1.50");
    expect(minorToDecimal(5000, "JPY")).toBe("5000");
  });
  it("round-trips what it writes", () => {
    for (const minor of [1, 99, 100, 4999, 120050, 123456789]) {
      expect(parseMoney(minorToDecimal(minor, "USD"), "USD")).toEqual({ ok: true, minor });
    }
  });
});
