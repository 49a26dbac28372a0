import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { people } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { installDefaultFramework } from "./framework-install";
import { getPacketNotes } from "./packet-notes";
import { getPacket, listPackets, packetActionItems } from "./packets";
import { getViewerById } from "./people";

/* The demo seed shows a packet in each state to the accounts the README names. */
const as = (email: string) => getViewerById(db().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id)!;

beforeAll(async () => {
  installDefaultFramework(db());
  await seedDemo(db());
}, 30_000);

describe("demo packets", () => {
  it("Jordan's packet was returned by Sam: a draft with feedback beside the cells and a revise item", () => {
    const jordan = as("jordan@example.com");
    const [packet] = listPackets(jordan).mine;
    expect(packet).toMatchObject({ status: "draft", targetLabel: "IC3 · Senior Software Engineer" });
    const view = getPacket(jordan, packet!.id);
    expect(view.returned?.actorName).toBe("Sam Okafor");
    expect(view.readiness?.holding.map((h) => h.name)).toEqual(["Leadership · Sphere of influence"]);
    expect(view.cells.find((c) => c.id === "technical.complexity")?.citations).toHaveLength(2);
    expect(packetActionItems(jordan).map((i) => i.title)).toEqual(["Revise your promotion packet for IC3 · Senior Software Engineer"]);
  });

  it("Sam reviews Alex's submitted packet, half rated, with private notes; Priya reads Noor's endorsed track move", () => {
    const sam = as("sam@example.com");
    expect(packetActionItems(sam).map((i) => i.title)).toEqual(["Review Alex Kim's promotion packet for IC4 · Staff Engineer"]);
    const alex = listPackets(sam).others.find((p) => p.personName === "Alex Kim")!;
    expect(getPacket(sam, alex.id)).toMatchObject({ packet: { status: "submitted" }, can: { writeReview: true }, readiness: { ready: false } });
    expect(getPacketNotes(sam, alex.id).body).toMatch(/Priya/);
    const priya = as("priya@example.com");
    const noor = listPackets(priya).others.find((p) => p.personName === "Noor Haddad")!;
    expect(noor).toMatchObject({ status: "endorsed", kind: "track-move", targetLabel: "M1 · Engineering Manager" });
    expect(getPacket(priya, noor.id).readiness).toMatchObject({ ready: true, justified: [{ name: "Technical · Multiplier effect" }] });
  });

  it("Morgan (admin) sees every packet in each state; Elliot is asked to write the one Dana started", () => {
    const statuses = listPackets(as("morgan@example.com")).others.map((p) => `${p.personName}: ${p.status}`);
    expect(statuses.sort()).toEqual(["Alex Kim: submitted", "Elliot Park: draft", "Jordan Lee: draft", "Noor Haddad: endorsed"]);
    expect(packetActionItems(as("elliot@example.com"))).toEqual([expect.objectContaining({ title: "Write your promotion packet for IC3 · Senior Software Engineer", cta: "Continue" })]);
  });
});
