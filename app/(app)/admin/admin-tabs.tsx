"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/admin/people", label: "People" },
  { href: "/admin/org", label: "Org chart" },
  { href: "/admin/committee", label: "Committee" },
  { href: "/admin/cycles", label: "Review cycles" },
  { href: "/admin/packets", label: "Promotion packets" },
  { href: "/admin/framework", label: "Framework" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="no-print mb-6 border-b border-stone-200">
      <ul className="-mb-px flex flex-wrap gap-4">
        {TABS.map((tab) => {
          const active = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium ${active ? "border-brand-700 text-brand-800" : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"}`}
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
