import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { requireViewer } from "@/lib/auth/viewer";
import { getStartOptions, startablePeople } from "@/lib/dal/packet-start";
import { orNotFound } from "@/lib/page-guards";
import { StartForm } from "./start-form";

export const metadata: Metadata = { title: "Start a promotion packet" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewPacketPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const personId = typeof params.person === "string" ? params.person : viewer.id;
  const options = orNotFound(viewer, () => getStartOptions(viewer, personId));
  const people = startablePeople(viewer);
  const who = options.person.self ? "you" : options.person.name;
  return (
    <>
      <PageHeader title="Start a promotion packet" description="Choose the level the packet argues for. The packet is written against the framework as it is published now." />
      <div className="space-y-6">
        {people.length > 1 ? (
          <form method="get" action="/packets/new" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
            <div className="min-w-0 space-y-1.5">
              <label htmlFor="person" className="block text-sm font-medium text-stone-800">
                Who is the packet for
              </label>
              <Select id="person" name="person" defaultValue={options.person.id}>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.self ? `Me (${p.name})` : p.name}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit" variant="secondary">
              Choose
            </Button>
          </form>
        ) : null}
        <Card>
          <CardHeader id="target-title" title={options.person.self ? "Your packet" : `A packet for ${options.person.name}`} description={`Currently ${options.current.label}${options.current.trackName ? ` on the ${options.current.trackName} track` : ""}.`} />
          {options.openPacketId ? (
            <EmptyState
              title={`${options.person.self ? "You already have" : `${options.person.name} already has`} an open packet`}
              action={
                <Link href={`/packets/${options.openPacketId}`} prefetch={false} className="font-semibold text-brand-700 underline">
                  Open it
                </Link>
              }
            >
              One packet at a time: finish it, or withdraw it, before starting another.
            </EmptyState>
          ) : options.targets.length === 0 || !options.version ? (
            <EmptyState title={`There is no level to aim for from here`}>
              {options.current.label} is the top of its track and has no declared equivalent on another track, so the framework offers no packet for {who}. Growing here means more scope, influence and impact at the same level.
            </EmptyState>
          ) : (
            <div className="p-5">
              <StartForm personId={options.person.id} targets={options.targets} versionLabel={`version ${options.version.number} (${options.version.name})`} forSelf={options.person.self} personName={options.person.name} />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
