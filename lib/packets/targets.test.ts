import { describe, expect, it } from "vitest";
import { findTarget, packetTargets, type TargetLevel } from "./targets";

const level = (key: string, trackKey: string, position: number, equivalentLevelKey: string | null = null): TargetLevel => ({ key, trackKey, position, code: key.toUpperCase(), name: key, equivalentLevelKey });
const LEVELS = [
  level("ic1", "ic", 0),
  level("ic2", "ic", 1),
  level("ic3", "ic", 2, "m1"),
  level("ic4", "ic", 3, "m2"),
  level("ic6", "ic", 4),
  level("m1", "mgmt", 0, "ic3"),
  level("m2", "mgmt", 1, "ic4"),
  level("m5", "mgmt", 2),
];
const offered = (key: string) => packetTargets(LEVELS, key).map((t) => `${t.kind}:${t.level.key}`);

describe("packet targets", () => {
  it("offers the next level on the person's track", () => {
    expect(offered("ic1")).toEqual(["promotion:ic2"]);
    expect(offered("ic2")).toEqual(["promotion:ic3"]);
  });

  it("opens the management track at Senior through the declared equivalence, and the way back", () => {
    expect(offered("ic3")).toEqual(["promotion:ic4", "track-move:m1"]);
    expect(offered("m1")).toEqual(["promotion:m2", "track-move:ic3"]);
    expect(offered("m2")).toEqual(["promotion:m5", "track-move:ic4"]);
  });

  it("offers nothing at the top of a track without an equivalent, or for a level the version lacks", () => {
    expect(offered("ic6")).toEqual([]);
    expect(offered("m5")).toEqual([]);
    expect(offered("retired-level")).toEqual([]);
  });

  it("accepts only a target the framework offers", () => {
    expect(findTarget(LEVELS, "ic2", "ic3")).toMatchObject({ kind: "promotion", level: { key: "ic3" } });
    expect(findTarget(LEVELS, "ic3", "m1")).toMatchObject({ kind: "track-move" });
    expect(findTarget(LEVELS, "ic2", "ic4")).toBeNull();
    expect(findTarget(LEVELS, "ic2", "m1")).toBeNull();
    expect(findTarget(LEVELS, "ic2", "ic2")).toBeNull();
  });
});
