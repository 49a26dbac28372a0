"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/* `count`: a number to show beside the label (unread notifications), read out as "(N unread)". */
export type NavItem = { href: string; label: string; match?: string; count?: number };

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
              {item.count ? (
                <>
                  <span aria-hidden="true" data-testid={`${item.href.slice(1)}-count`} className={`ml-2 inline-flex min-w-5 justify-center rounded-full px-1.5 text-xs font-semibold ${active ? "bg-white text-brand-800" : "bg-brand-700 text-white"}`}>
                    {item.count > 99 ? "99+" : item.count}
                  </span>
                  <span className="sr-only"> ({item.count} unread)</span>
                </>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
