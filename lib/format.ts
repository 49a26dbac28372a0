/* Display helpers shared by pages. Dates are ISO `YYYY-MM-DD` strings in storage. */

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return Number.isNaN(date.getTime()) ? "—" : dateFormat.format(date);
}

export function formatDateTime(value: Date | null | undefined): string {
  return value ? `${dateTimeFormat.format(value)} UTC` : "—";
}

export const ROLE_LABELS = { engineer: "Engineer", manager: "Manager", admin: "Admin" } as const;

/* A person's name as part of a file name: lower case, words joined by "-", letters of any script kept. */
export function fileNamePart(name: string): string {
  return (
    name
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "person"
  );
}
