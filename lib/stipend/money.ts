/*
 * Money as people type it, stored as integer minor units (cents, pence, yen).
 * How many decimals a currency has comes from Intl (USD 2, JPY 0, BHD 3).
 */

/* The currencies offered in forms; any ISO 4217 code Intl knows is accepted by the parser. */
export const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "INR", "BRL", "SGD", "NZD"] as const;

const knownCurrencies = new Set(Intl.supportedValuesOf("currency"));

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code);
}

export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export type ParseMoneyResult = { ok: true; minor: number } | { ok: false; error: string };

// A leading symbol is tolerated because people paste "$1,200.50"; it is not checked against the currency.
const SYMBOLS = /^[$€£¥]/;
// Digits with optional comma thousands separators in groups of three, then an optional decimal part.
const SHAPE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;
const MAX_MINOR = 1_000_000_000_00; // a billion major units: far beyond any stipend, well inside a safe integer

/* Claims need a positive amount; an allowance may be zero (a year without a stipend). */
export function parseMoney(input: string, currency: string, options: { allowZero?: boolean } = {}): ParseMoneyResult {
  const text = input.trim().replace(SYMBOLS, "").trim();
  if (text === "") return { ok: false, error: "Enter an amount" };
  if (text.startsWith("-")) return { ok: false, error: "The amount must be more than zero" };
  const match = SHAPE.exec(text);
  if (!match) return { ok: false, error: "Enter an amount like 49.99 or 1,200" };
  const exponent = currencyExponent(currency);
  const whole = match[1]!.replaceAll(",", "");
  const fraction = match[2] ?? "";
  if (fraction.length > exponent) {
    return { ok: false, error: exponent === 0 ? `${currency} amounts have no decimals` : `${currency} amounts have at most ${exponent} decimals` };
  }
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return { ok: false, error: "That amount is too large" };
  if (minor === 0 && !options.allowZero) return { ok: false, error: "The amount must be more than zero" };
  return { ok: true, minor };
}

/* "$1,200.50" for people. */
export function formatMoney(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(minor / 10 ** exponent);
}

/* "1200.50" for CSV and form fields: no symbol, no grouping, exact. */
export function minorToDecimal(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (exponent === 0) return `${sign}${abs}`;
  const digits = String(abs).padStart(exponent + 1, "0");
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
