"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/* The parts of a draft: its details and levels' cells, the matrix's rows and columns, tracks and levels, and publishing. */
export function DraftTabs({ number }: { number: number }) {
  const pathname = usePathname();
  const base = `/admin/framework/${number}`;
  const tabs = [
    { href: base, label: "Overview and cells", exact: true },
    { href: `${base}/matrix`, label: "Competencies and themes" },
    { href: `${base}/levels`, label: "Tracks and levels" },
    { href: `${base}/publish`, label: "Review and publish" },
  ];
  return (
    <nav aria-label="Draft" className="no-print mb-6">
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const active = tab.exact ? pathname === tab.href || pathname.startsWith(`${base}/cells`) : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${active ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-stone-800 ring-stone-300 hover:bg-stone-100"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
