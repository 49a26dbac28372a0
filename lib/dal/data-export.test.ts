import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, reviews } from "@/db/schema";
import { dataExportSchema, EXPORT_FORMAT_VERSION } from "@/lib/data-export/format";
import type { Viewer } from "@/lib/domain/viewer";
import { fileClaim, receiptPdf, TEST_TODAY } from "@/lib/test/builders";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { mustSucceed, packetIn } from "@/lib/test/packets";
import { exportMyData } from "./data-export";
import { createEvidence, deleteEvidence } from "./evidence";
import { saveManagerReview, shareManagerReview } from "./manager-reviews";
import { savePacketNotes } from "./packet-notes";
import { openCycle } from "./review-cycles";
import { savePrivateNotes } from "./review-notes";
import { listMyReviews, saveSelfAssessment, submitSelfAssessment } from "./reviews";

/*
 * A person's own data as one JSON file: everything of theirs, in the
 * documented format, as they may see it; never a private note, never a
 * manager's unshared draft, never anyone else's records.
 */
let org: Org;
let shared: Viewer;
let drafted: Viewer;
const CELLS = ["values", "technical", "leadership"].flatMap((c) => ["complexity", "influence", "multiplier"].map((t) => `${c}.${t}`));
const SECRET = { reviewNote: `Review private note ${crypto.randomUUID()}`, packetNote: `Packet private note ${crypto.randomUUID()}`, draft: `Unshared draft ${crypto.randomUUID()}` };
const reviewOf = (viewer: Viewer) => listMyReviews(viewer)[0]!.id;
const versionOf = (id: string) => db().select({ v: reviews.managerVersion }).from(reviews).where(eq(reviews.id, id)).get()!.v;

beforeAll(async () => {
  org = buildOrg();
  shared = newViewer({ managerId: org.people.manager.id, name: "Shay Shared" }).viewer;
  drafted = newViewer({ managerId: org.people.manager.id, name: "Drew Drafted" }).viewer;
  mustSucceed(openCycle(org.as.admin, { name: "2026 H2", selfDueOn: "2026-12-01", managerDueOn: "2026-12-15" }, TEST_TODAY));
  // Shay cites an entry in a submitted self-assessment, then takes it out of the log: it stays, marked.
  const gone = mustSucceed(createEvidence(shared, { title: "A win taken back", occurredOn: "2026-04-01", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] })) as { value: string };
  for (const person of [shared, drafted]) {
    const id = reviewOf(person);
    const saved = saveSelfAssessment(person, id, 1, CELLS.map((cell) => ({ cell, rating: "meets", evidence: `Self evidence of ${person.name} for ${cell}`, citations: person === shared && cell === "values.complexity" ? [gone.value] : [] })));
    if (person === shared) mustSucceed(submitSelfAssessment(person, id, saved.version!));
    mustSucceed(savePrivateNotes(org.as.manager, id, 0, SECRET.reviewNote));
    const comment = person === shared ? "Shared comment" : SECRET.draft;
    saveManagerReview(org.as.manager, id, versionOf(id), { summary: `${comment} summary`, cells: CELLS.map((cell) => ({ cell, rating: "meets", comment: `${comment} on ${cell}` })) });
  }
  mustSucceed(shareManagerReview(org.as.manager, reviewOf(shared), versionOf(reviewOf(shared))));
  // Shay's packet is endorsed (the manager part is Shay's to read); Drew's is still with the manager.
  mustSucceed(savePacketNotes(org.as.manager, packetIn("endorsed", shared, org.as.manager), 0, SECRET.packetNote));
  mustSucceed(savePacketNotes(org.as.manager, packetIn("submitted", drafted, org.as.manager), 0, SECRET.packetNote));
  mustSucceed(createEvidence(shared, { title: "Led the queue migration", occurredOn: "2026-05-01", description: "**Zero** downtime.", links: ["https://example.com/rfc"], cells: [{ competencyKey: "technical", themeKey: "complexity" }] }));
  expect(mustSucceed(deleteEvidence(shared, gone.value))).toMatchObject({ value: "removed" });
  createEvidence(org.as.peer, { title: "The peer's own win", occurredOn: "2026-05-02", description: "", links: [], cells: [{ competencyKey: "technical", themeKey: "complexity" }] });
  await fileClaim(shared, { item: "A book with a receipt file", amountPaidMinor: 12_345, receiptUrl: null, receiptFile: receiptPdf("order 42.pdf") });
  await fileClaim(shared, { item: "A course with a receipt link", amountPaidMinor: 50_000, currencyPaid: "EUR", amountChargedMinor: 54_321 });
  await fileClaim(org.as.peer, { item: "The peer's own claim" });
});

describe("downloading one's own data", () => {
  it("holds the profile, level history, evidence, reviews, packets and stipend claims, in the documented format", () => {
    const data = exportMyData(shared, new Date("2026-11-22T10:00:00Z"));
    expect(dataExportSchema.parse(JSON.parse(JSON.stringify(data)))).toEqual(data);
    expect(data).toMatchObject({ formatVersion: EXPORT_FORMAT_VERSION, exportedAt: "2026-11-22T10:00:00.000Z", person: { id: shared.id, name: "Shay Shared", email: shared.email, level: { key: "ic2", label: "IC2 · Software Engineer" }, manager: { id: org.people.manager.id, name: "Max Manager" } } });
    expect(data.evidence.map((e) => [e.title, e.removedFromLog, e.cells])).toEqual([
      ["Led the queue migration", false, ["technical.complexity"]],
      ["A win taken back", true, ["values.complexity"]],
    ]);
    const [review] = data.reviews;
    expect(review!.selfAssessment.cells).toHaveLength(9);
    expect(review!.selfAssessment).toMatchObject({ status: "submitted" });
    expect(review!.selfAssessment.cells[0]).toEqual({ cell: "values.complexity", name: "Values · Complexity", rating: "meets", evidence: "Self evidence of Shay Shared for values.complexity", citations: [data.evidence[1]!.id] });
    expect(review!.managerReview).toMatchObject({ status: "shared", author: "Max Manager", summary: "Shared comment summary" });
    expect(data.packets).toHaveLength(1);
    expect(data.packets[0]).toMatchObject({ status: "endorsed", target: { key: "ic3", label: "IC3 · Senior Software Engineer" }, managerPart: { author: "Max Manager" } });
    expect(data.packets[0]!.cells.every((c) => c.case.startsWith("Led the queue migration across two teams."))).toBe(true);
    expect(data.packets[0]!.timeline.map((e) => e.step)).toEqual(["start", "submit", "endorse"]);
    expect(data.stipendClaims.map((c) => [c.item, c.amountPaid, c.amountCharged, c.receipt])).toEqual(
      expect.arrayContaining([
        ["A book with a receipt file", { minor: 12_345, currency: "USD" }, { minor: 12_345, currency: "USD" }, expect.objectContaining({ kind: "file", name: "order 42.pdf", contentType: "application/pdf", removed: false })],
        ["A course with a receipt link", { minor: 50_000, currency: "EUR" }, { minor: 54_321, currency: "USD" }, { kind: "link", url: "https://shop.example.com/orders/1" }],
      ]),
    );
    expect(data.stipendClaims[0]!.history[0]).toMatchObject({ to: "pending", by: "Shay Shared" });
  });

  it("never holds a private note, nor anyone else's records", () => {
    const file = JSON.stringify(exportMyData(shared));
    for (const secret of [SECRET.reviewNote, SECRET.packetNote, SECRET.draft]) expect(file).not.toContain(secret);
    for (const theirs of ["The peer's own win", "The peer's own claim", "Drew Drafted"]) expect(file).not.toContain(theirs);
  });

  it("leaves out a manager review the manager has not shared, and a packet's manager part while the manager writes it", () => {
    const data = exportMyData(drafted);
    expect(data.reviews[0]!.managerReview).toBeNull();
    expect(data.reviews[0]!.selfAssessment.cells[0]!.evidence).toBe("Self evidence of Drew Drafted for values.complexity");
    expect(data.packets[0]).toMatchObject({ status: "submitted", managerPart: null });
    const file = JSON.stringify(data);
    expect(file).not.toContain(SECRET.draft);
    expect(file).not.toContain("Seen in");
  });

  it("gives each person only their own, and audits the download", () => {
    const peer = exportMyData(org.as.peer);
    expect(peer.person.id).toBe(org.people.peer.id);
    expect(JSON.stringify(peer)).not.toContain("Shay Shared");
    expect(peer.evidence.map((e) => e.title)).toEqual(["The peer's own win"]);
    const rows = db().select().from(auditLog).where(and(eq(auditLog.recordId, org.people.peer.id), eq(auditLog.action, "person.export"))).all();
    expect(rows).toEqual([expect.objectContaining({ actorId: org.people.peer.id, summary: "Downloaded their own data (JSON export)" })]);
  });
});
