/*
 * Reporting-line rules, pure. `managerOf` maps each person to their manager
 * (or null). A change that gives someone a manager who reports, directly or
 * through others, to them would close a loop in the org chart.
 */
export type ManagerMap = ReadonlyMap<string, string | null>;

/* The chain of managers above `personId`, nearest first; stops at a loop. */
export function chainAbove(managerOf: ManagerMap, personId: string): string[] {
  const chain: string[] = [];
  const seen = new Set([personId]);
  let current = managerOf.get(personId) ?? null;
  while (current && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = managerOf.get(current) ?? null;
  }
  return chain;
}

export function wouldCreateCycle(managerOf: ManagerMap, personId: string, newManagerId: string | null): boolean {
  if (!newManagerId) return false;
  if (newManagerId === personId) return true;
  return chainAbove(managerOf, newManagerId).includes(personId);
}

/* Everyone whose chain of managers loops back on itself. */
export function peopleInCycles(managerOf: ManagerMap): Set<string> {
  const inCycle = new Set<string>();
  for (const start of managerOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null = start;
    while (current && !onPath.has(current) && !inCycle.has(current)) {
      path.push(current);
      onPath.add(current);
      current = managerOf.get(current) ?? null;
    }
    if (current && onPath.has(current)) {
      for (const id of path.slice(path.indexOf(current))) inCycle.add(id);
    }
  }
  return inCycle;
}

export type OrgNode<T> = T & { reports: OrgNode<T>[] };

/* Builds the org chart as trees from people without a (known) manager. */
export function buildOrgTree<T extends { id: string; managerId: string | null; name: string }>(people: T[]): OrgNode<T>[] {
  const nodes = new Map(people.map((p) => [p.id, { ...p, reports: [] as OrgNode<T>[] }]));
  const roots: OrgNode<T>[] = [];
  for (const node of nodes.values()) {
    const manager = node.managerId ? nodes.get(node.managerId) : undefined;
    if (manager) manager.reports.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode<T>[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name));
    list.forEach((n) => sort(n.reports));
  };
  sort(roots);
  return roots;
}
