import type { PacketKind } from "@/lib/domain/enums";

/*
 * The levels a packet may ask for: the next level on the person's own track,
 * and the equivalent level on another track where the framework declares one
 * (Senior <-> Engineering Manager: the management track opens at Senior).
 * Read from the framework version the packet will be pinned to, so a
 * framework that changes its shape changes the choices with it.
 */
export type TargetLevel = { key: string; trackKey: string; position: number; code: string; name: string; equivalentLevelKey: string | null };
export type PacketTarget<L extends TargetLevel = TargetLevel> = { level: L; kind: PacketKind };

export function packetTargets<L extends TargetLevel>(levels: L[], currentLevelKey: string): PacketTarget<L>[] {
  const current = levels.find((l) => l.key === currentLevelKey);
  if (!current) return [];
  const targets: PacketTarget<L>[] = [];
  const next = levels.find((l) => l.trackKey === current.trackKey && l.position === current.position + 1);
  if (next) targets.push({ level: next, kind: "promotion" });
  const equivalent = current.equivalentLevelKey ? levels.find((l) => l.key === current.equivalentLevelKey) : undefined;
  if (equivalent && equivalent.trackKey !== current.trackKey) targets.push({ level: equivalent, kind: "track-move" });
  return targets;
}

/* The target the person asked for, if the framework offers it to them; null otherwise. */
export function findTarget<L extends TargetLevel>(levels: L[], currentLevelKey: string, targetLevelKey: string): PacketTarget<L> | null {
  return packetTargets(levels, currentLevelKey).find((t) => t.level.key === targetLevelKey) ?? null;
}
