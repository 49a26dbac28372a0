import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireViewer } from "@/lib/auth/viewer";
import { canAdministerPeople } from "@/lib/policies/people";
import { AdminTabs } from "./admin-tabs";

/* Admin pages 404 for everyone else. Each page and action checks again through the DAL; this only spares rendering. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  if (!canAdministerPeople(viewer)) notFound();
  return (
    <>
      <AdminTabs />
      {children}
    </>
  );
}
