import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { getFrameworkStructure } from "@/lib/dal/framework";
import { compareHref, levelHref } from "@/lib/framework/urls";

export const metadata: Metadata = { title: "My next level" };

/* "What changes at my next level", one click from the navigation: the comparison of the viewer's level with the next. */
export default async function NextLevelPage() {
  const viewer = await requireViewer();
  const structure = getFrameworkStructure(viewer);
  if (!structure) notFound();
  const own = structure.levels.find((l) => l.key === viewer.levelKey);
  if (!own) notFound();
  const next = structure.levels.find((l) => l.trackKey === own.trackKey && l.position === own.position + 1);
  if (next) redirect(compareHref({ from: own.key, to: next.key }));
  const equivalent = own.equivalentLevelKey ? structure.levels.find((l) => l.key === own.equivalentLevelKey) : undefined;
  return (
    <>
      <PageHeader title="My next level" />
      <Card>
        <EmptyState
          title={`${own.name} is the top of the ${structure.tracks.find((t) => t.key === own.trackKey)?.name.toLowerCase()} track`}
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <ButtonLink href={levelHref({ level: own.key })} variant="secondary">
                Read your level
              </ButtonLink>
              {equivalent ? <ButtonLink href={compareHref({ from: own.key, to: equivalent.key })}>Compare with {equivalent.name}</ButtonLink> : null}
            </div>
          }
        >
          There is no higher level on your track. Growing here means more scope, influence and impact at the same level.
        </EmptyState>
      </Card>
    </>
  );
}
