import type { ReactNode } from "react";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerPeople } from "@/lib/policies/people";
import { AdminTabs } from "./admin-tabs";

/* Admin pages 404 for everyone else. Each page and action checks again through the DAL; this only spares rendering. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireViewerWho(canAdministerPeople, "page");
  return (
    <>
      <AdminTabs />
      {children}
    </>
  );
}
