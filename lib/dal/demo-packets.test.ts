import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { people } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { installDefaultFramework } from "./framework-install";
import { committeeActionItems, getCommitteePacket, listCommitteePackets } from "./committee-packets";
import { endorsementActionItems } from "./endorsement-answers";
import { getPacketNotes } from "./packet-notes";
import { getPersonProfile } from "./people";
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
    expect(statuses.sort()).toEqual(["Alex Kim: submitted", "Elliot Park: draft", "Jordan Lee: draft", "Noor Haddad: endorsed", "Riley Chen: declined", "Taylor Brooks: approved"]);
    expect(packetActionItems(as("elliot@example.com"))).toEqual([expect.objectContaining({ title: "Write your promotion packet for IC3 · Senior Software Engineer", cta: "Continue" })]);
  });
});

describe("demo committee and endorsements", () => {
  it("Taylor's packet was approved: IC4 in her level history from the decision's date", () => {
    const taylor = as("taylor@example.com");
    expect(taylor.levelKey).toBe("ic4");
    const [latest] = getPersonProfile(taylor, taylor.id).history;
    expect(latest).toMatchObject({ levelKey: "ic4", reason: "IC4 · Staff Engineer: promotion packet approved by the committee", recordedByName: "Morgan Reyes" });
    const [packet] = listPackets(taylor).mine;
    expect(getPacket(taylor, packet!.id).decision).toMatchObject({ outcome: "approved", effectiveDate: latest!.effectiveDate });
  });

  it("Riley's was declined with what is missing in two cells, which Sam reads too", () => {
    const sam = as("sam@example.com");
    const riley = listPackets(sam).others.find((p) => p.personName === "Riley Chen")!;
    const view = getPacket(sam, riley.id);
    expect(view.decision?.outcome).toBe("declined");
    expect(view.cells.filter((c) => c.missing).map((c) => c.id)).toEqual(["technical.influence", "leadership.complexity"]);
  });

  it("Noor's is in committee: Quinn voted, Avery is asked to vote, Priya is recused from all three", () => {
    const avery = as("avery@example.com");
    expect(committeeActionItems(avery).map((i) => i.title)).toEqual(["Vote on Noor Haddad's promotion packet"]);
    const noor = listCommitteePackets(avery).inCommittee.find((p) => p.personName === "Noor Haddad")!;
    expect(getCommitteePacket(avery, noor.id)).toMatchObject({ votes: null, votedCount: 1, eligibleCount: 2, can: { vote: true, decide: false } });
    const priya = listCommitteePackets(as("priya@example.com"));
    expect([...priya.inCommittee, ...priya.decided].map((p) => [p.personName, p.recusal, p.open])).toEqual(
      expect.arrayContaining([
        ["Noor Haddad", "Recused: someone in your org", false],
        ["Taylor Brooks", "Recused: someone in your org", false],
        ["Riley Chen", "Recused: someone in your org", false],
      ]),
    );
    expect(committeeActionItems(as("morgan@example.com")).map((i) => i.title)).toEqual(["Record the committee's decision on Noor Haddad's promotion packet"]);
  });

  it("endorsements in every state: Jordan is asked about Alex's packet; on Jordan's own, one answer is given to earlier words", () => {
    const jordan = as("jordan@example.com");
    expect(endorsementActionItems(jordan).map((i) => i.title)).toEqual(["Endorse Alex Kim's promotion packet"]);
    expect(packetActionItems(jordan)[0]!.detail).toMatch(/Endorsements: 1 answered, 1 declined, 1 waiting\.$/);
    const [packet] = listPackets(jordan).mine;
    const endorsements = getPacket(jordan, packet!.id).endorsements;
    expect(endorsements.map((e) => [e.endorserName, e.state])).toEqual([
      ["Alex Kim", "answered"],
      ["Taylor Brooks", "declined"],
      ["Noor Haddad", "pending"],
    ]);
    expect(endorsements[0]!.cells.map((c) => [c.cell, c.stance, c.freshness])).toEqual([
      ["values.multiplier", "endorse", "earlier"],
      ["technical.complexity", "endorse", "current"],
      ["leadership.influence", "question", "current"],
    ]);
  });
});
