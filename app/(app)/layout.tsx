import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { requireViewer } from "@/lib/auth/viewer";
import { canSeeCommittee } from "@/lib/dal/committee-packets";
import { hasEndorsementRequests } from "@/lib/dal/endorsement-answers";
import { countUnread } from "@/lib/dal/notifications";
import { ROLE_LABELS } from "@/lib/format";
import { canAdministerPeople } from "@/lib/policies/people";
import { canSeeTeamReviews } from "@/lib/policies/reviews";
import { canAdministerStipend, canSeeStipendApprovals } from "@/lib/policies/stipend";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const nav: NavItem[] = [
    { href: "/", label: "Needs my action" },
    { href: "/notifications", label: "Notifications", count: countUnread(viewer) },
    { href: "/framework", label: "Framework", match: "/framework" },
    { href: "/framework/next", label: "My next level" },
    { href: "/reviews", label: "Reviews", match: "/reviews" },
    ...(canSeeTeamReviews(viewer, viewer.hasReports)
      ? [
          { href: "/reviews/team", label: "Team reviews" },
          { href: "/reviews/calibration", label: "Calibration" },
        ]
      : []),
    { href: "/packets", label: "Promotion packets", match: "/packets" },
    ...(hasEndorsementRequests(viewer) ? [{ href: "/endorsements", label: "Endorsement requests", match: "/endorsements" }] : []),
    ...(canSeeCommittee(viewer) ? [{ href: "/committee", label: "Committee", match: "/committee" }] : []),
    { href: "/evidence", label: "Evidence log", match: "/evidence" },
    { href: `/people/${viewer.id}`, label: "My profile", match: `/people/${viewer.id}` },
    { href: "/stipend", label: "Stipend", match: "/stipend" },
    ...(canSeeStipendApprovals(viewer) ? [{ href: "/stipend/approvals", label: "Stipend approvals" }] : []),
    ...(canAdministerStipend(viewer) ? [{ href: "/stipend/admin", label: "Stipend admin" }] : []),
    { href: "/account", label: "Account" },
    ...(canAdministerPeople(viewer) ? [{ href: "/admin/people", label: "People admin", match: "/admin" }] : []),
  ];

  return (
    <div className="min-h-screen md:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="no-print border-b border-stone-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-60 md:flex-col md:border-b-0 md:border-r">
        <div className="flex items-center justify-between px-4 py-4 md:block">
          <p className="text-xl font-semibold tracking-tight text-brand-800">Trellis</p>
        </div>
        <nav aria-label="Main" className="px-3 pb-3 md:flex-1">
          <NavLinks items={nav} />
        </nav>
        <div className="border-t border-stone-200 px-4 py-4">
          <p className="truncate text-sm font-medium text-stone-900" data-testid="signed-in-as">
            {viewer.name}
          </p>
          <p className="truncate text-xs text-stone-600">
            {viewer.email} · {ROLE_LABELS[viewer.role]}
          </p>
          <div className="mt-3 flex items-center gap-4">
            <form action={signOutAction}>
              <button type="submit" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                Sign out
              </button>
            </form>
            <Link href="/about" className="text-sm text-stone-600 underline-offset-2 hover:underline">
              About
            </Link>
          </div>
        </div>
      </aside>
      <main id="main" className="flex-1 px-4 py-8 md:px-10">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
