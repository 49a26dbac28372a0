import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { evidenceFields } from "@/lib/evidence/entry-input";
import { isReceiptLink } from "@/lib/stipend/receipt-file";
import { readHtml } from "@/lib/test/inert-html";
import { XSS_PAYLOADS } from "@/lib/test/xss-corpus";
import { expectInert, ok } from "@/lib/test/xss-render";
import { fileClaim, TEST_TODAY } from "@/lib/test/builders";
import { enrolInOpenCycles, insertPerson } from "@/lib/test/factory";
import { buildOrg, type Org } from "@/lib/test/org";
import { createEvidence, getEvidenceEntry } from "./evidence";
import { getClaim, transitionClaim } from "./stipend-claims";
import { getPrivateNotes, savePrivateNotes } from "./review-notes";
import { getReview, saveSelfAssessment } from "./reviews";
import { acknowledgeReview, getManagerPart, saveManagerReview, shareManagerReview } from "./manager-reviews";
import { openCycle } from "./review-cycles";
import { changeLevel } from "./level-changes";
import { getPersonProfile, getViewerById } from "./people";
import { createPerson, getPersonForAdmin } from "./people-admin";
import { personFields } from "@/lib/people/person-schema";
import { personInput } from "@/lib/test/builders";

/*
 * The stored-XSS corpus through every field people type into: each payload
 * is saved through the DAL (and the field's own schema where it has one),
 * read back the way its page reads it, and rendered the way its page renders
 * it (Markdown, or React text). What comes back is exactly what was typed,
 * and renders inert. Link fields refuse anything but http(s). Packets, the
 * framework editor and notifications (with their emails) have their own files:
 * xss-packets.test.ts, xss-framework.test.ts, lib/notifications/xss-email.test.ts.
 */
const CELLS = ["values", "technical", "leadership"].flatMap((c) => ["complexity", "influence", "multiplier"].map((t) => `${c}.${t}`));

let org: Org;
beforeAll(() => {
  org = buildOrg();
  openCycle(org.as.admin, { name: "XSS cycle", selfDueOn: "2026-08-01", managerDueOn: "2026-08-31" }, "2026-01-01");
});

/* A new report of the manager with a review in the open cycle. */
const freshReview = () => {
  const person = insertPerson(db(), { managerId: org.people.manager.id });
  return { person, reviewId: enrolInOpenCycles(db(), person.id)[0]! };
};

describe("the stored-XSS corpus in every field", { timeout: 120_000 }, () => {
  it("evidence: the title (text) and the description (Markdown)", () => {
    for (const payload of XSS_PAYLOADS) {
      const parsed = evidenceFields.safeParse({ title: payload, occurredOn: "2026-01-15", description: payload, links: "", cells: "values.complexity" });
      if (!parsed.success) {
        // Only the title's limits may refuse a payload: blank after trimming, or over 160 characters.
        expect(payload.trim() === "" || payload.trim().length > 160, payload).toBe(true);
        continue;
      }
      const id = (ok(createEvidence(org.as.engineer, parsed.data)) as { value: string }).value;
      const entry = getEvidenceEntry(org.as.manager, id);
      expect(entry.title).toBe(payload.trim());
      expect(entry.description).toBe(payload);
      expectInert("text", entry.title);
      expectInert("markdown", entry.description);
    }
  });

  it("evidence links and receipt links: http(s) addresses only, inert as a link", () => {
    const links = XSS_PAYLOADS.flatMap((payload) => {
      const parsed = evidenceFields.safeParse({ title: "Links", occurredOn: "2026-01-15", description: "", links: payload, cells: "values.complexity" });
      return [...(parsed.success ? parsed.data.links : []), ...(isReceiptLink(payload.trim()) ? [payload.trim()] : [])];
    });
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const reading = readHtml(renderToStaticMarkup(createElement("a", { href: link, rel: "noopener noreferrer nofollow" }, link)), new Set(["a"]));
      expect(reading.problems, link).toEqual([]);
      expect(reading.elements.map((e) => e.attributes.href), link).toEqual([link]);
    }
  });

  it("stipend claims: the item and vendor (text), the note and a rejection's reason (Markdown)", async () => {
    const person = insertPerson(db(), { managerId: org.people.manager.id, startDate: "2024-01-01" });
    const viewer = getViewerById(person.id)!;
    for (const payload of XSS_PAYLOADS) {
      const id = await fileClaim(viewer, { item: payload, vendor: payload, note: payload, amountPaidMinor: 1 }, TEST_TODAY);
      ok(transitionClaim(org.as.manager, id, "reject", 1, payload));
      const { claim, events } = getClaim(org.as.manager, id);
      expect([claim.item, claim.vendor, claim.note]).toEqual([payload, payload, payload]);
      expect(events.at(-1)!.reason).toBe(payload);
      expectInert("text", claim.item);
      expectInert("text", claim.vendor);
      expectInert("markdown", claim.note!);
      expectInert("markdown", events.at(-1)!.reason);
    }
  });

  it("reviews: self evidence, manager comments and summary, the engineer's response (Markdown)", () => {
    for (let i = 0; i < XSS_PAYLOADS.length; i += CELLS.length) {
      const batch = XSS_PAYLOADS.slice(i, i + CELLS.length);
      const { person, reviewId } = freshReview();
      const owner = getViewerById(person.id)!;
      ok(saveSelfAssessment(owner, reviewId, 1, CELLS.map((cell, k) => ({ cell, rating: "meets", evidence: batch[k] ?? "", citations: [] }))));
      ok(saveManagerReview(org.as.manager, reviewId, 1, { summary: batch[0]!, cells: CELLS.map((cell, k) => ({ cell, rating: "meets", comment: batch[k] ?? "" })) }));
      ok(shareManagerReview(org.as.manager, reviewId, 2));
      ok(acknowledgeReview(owner, reviewId, batch.at(-1)!));
      // The self part is still a draft, so its author reads it; the manager part is shared with them.
      const self = getReview(owner, reviewId).self!;
      const part = getManagerPart(owner, reviewId).part!;
      for (const [k, value] of batch.entries()) {
        expect(self.find((c) => c.cell === CELLS[k])!.evidence).toBe(value);
        expect(part.cells.find((c) => c.cell === CELLS[k])!.comment).toBe(value);
        expectInert("markdown", value);
      }
      expect([part.summary, part.response]).toEqual([batch[0], batch.at(-1)]);
    }
  });

  it("private notes (Markdown)", () => {
    const { reviewId } = freshReview();
    XSS_PAYLOADS.forEach((payload, version) => {
      ok(savePrivateNotes(org.as.manager, reviewId, version, payload));
      const notes = getPrivateNotes(org.as.director, reviewId);
      expect(notes.body).toBe(payload);
      expectInert("markdown", notes.body);
    });
  });

  it("a person's name and team (text, on every page that names them)", () => {
    XSS_PAYLOADS.forEach((payload, i) => {
      const name = personFields.name.safeParse(payload);
      const team = personFields.team.safeParse(payload);
      if (!name.success || !team.success) return;
      const id = (ok(createPerson(org.as.admin, { ...personInput({ name: name.data, team: team.data, email: `xss.${i}@test.example` }), trackKey: "ic", levelKey: "ic1" })) as { value: string }).value;
      const person = getPersonForAdmin(org.as.admin, id);
      expect([person.name, person.team]).toEqual([payload.trim(), payload.trim()]);
      expectInert("text", person.name);
      expectInert("text", person.team!);
    });
  });

  it("a level change's reason (Markdown on the profile)", () => {
    const person = insertPerson(db());
    XSS_PAYLOADS.forEach((payload, i) => {
      ok(changeLevel(org.as.admin, person.id, { trackKey: "ic", levelKey: i % 2 ? "ic2" : "ic3", effectiveDate: "2026-01-01", reason: payload }));
    });
    const reasons = getPersonProfile(org.as.admin, person.id).history.map((h) => h.reason);
    expect(reasons).toEqual(expect.arrayContaining(XSS_PAYLOADS));
    for (const reason of reasons) expectInert("markdown", reason);
  });
});
