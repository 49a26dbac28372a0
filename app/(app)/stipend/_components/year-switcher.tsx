import Link from "next/link";

/* Links, not a form: each year has its own address to bookmark and share. */
export function YearSwitcher({ years, current, hrefFor }: { years: number[]; current: number; hrefFor: (year: number) => string }) {
  return (
    <nav aria-label="Year" className="flex flex-wrap gap-1">
      {years.map((year) => (
        <Link
          key={year}
          href={hrefFor(year)}
          aria-current={year === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium tabular-nums ${year === current ? "bg-stone-900 text-white" : "border border-stone-300 bg-white text-stone-700 hover:bg-stone-100"}`}
        >
          {year}
        </Link>
      ))}
    </nav>
  );
}

/* The year in ?year=, or this year; anything odd falls back to this year. */
export function yearFrom(value: string | string[] | undefined, currentYear: number): number {
  const year = typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : currentYear;
  return year >= 2000 && year <= currentYear + 1 ? year : currentYear;
}
