import { describe, expect, it } from "vitest";
import { clockIn, dueState, isTimeZone, todayIn, yearOf, yearsAround } from "./org-time";

describe("org time", () => {
  // 23:30 UTC on 31 Dec 2025 is already 1 Jan in Tokyo and still 31 Dec in Los Angeles.
  const instant = new Date("2025-12-31T23:30:00Z");

  it("reads today in the org's zone, not UTC", () => {
    expect(todayIn("UTC", instant)).toBe("2025-12-31");
    expect(todayIn("Asia/Tokyo", instant)).toBe("2026-01-01");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2025-12-31");
    expect(todayIn("America/Los_Angeles", new Date("2026-03-01T07:59:00Z"))).toBe("2026-02-28");
  });

  it("follows daylight saving", () => {
    // Berlin is UTC+1 in winter and UTC+2 in summer.
    expect(todayIn("Europe/Berlin", new Date("2026-01-15T23:30:00Z"))).toBe("2026-01-16");
    expect(todayIn("Europe/Berlin", new Date("2026-07-15T22:30:00Z"))).toBe("2026-07-16");
    expect(todayIn("Europe/Berlin", new Date("2026-07-15T21:30:00Z"))).toBe("2026-07-15");
  });

  it("accepts IANA zones and refuses anything else", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Amsterdam")).toBe(true);
    for (const bad of ["", "Mars/Olympus", "utc+2", "Europe", "<script>"]) expect(isTimeZone(bad)).toBe(false);
  });

  it("shows the wall-clock time in the zone", () => {
    expect(clockIn("Asia/Tokyo", new Date("2026-01-01T03:04:00Z"))).toBe("12:04");
  });

  it("says whether a due date is ahead, today or past", () => {
    expect(dueState("2026-03-10", "2026-03-09")).toBe("upcoming");
    expect(dueState("2026-03-10", "2026-03-10")).toBe("due-today");
    expect(dueState("2026-03-10", "2026-03-11")).toBe("overdue");
  });
});

describe("years", () => {
  it("reads the year of a date and lists the years around one, newest first", () => {
    expect(yearOf("2026-12-31")).toBe(2026);
    expect(yearsAround(2026)).toEqual([2026, 2025]);
    expect(yearsAround(2026, { ahead: 1, back: 2 })).toEqual([2027, 2026, 2025, 2024]);
  });
});
