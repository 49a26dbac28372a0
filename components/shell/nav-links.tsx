"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string; match?: string };

function matchLength(pathname: string, item: NavItem): number {
  const prefix = item.match ?? item.href;
  if (prefix === "/") return pathname === "/" ? 1 : 0;
  return pathname === prefix || pathname.startsWith(`${prefix}/`) ? prefix.length : 0;
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The most specific match wins, so /framework/next marks "My next level", not "Framework".
  const best = Math.max(...items.map((item) => matchLength(pathname, item)));
  return (
    <ul className="flex flex-wrap gap-1 md:flex-col">
      {items.map((item) => {
        const active = best > 0 && matchLength(pathname, item) === best;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-700 text-white" : "text-stone-700 hover:bg-stone-200/70"}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
