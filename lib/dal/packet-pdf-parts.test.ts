import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { committeeMembers } from "@/db/schema";
import { recordVote } from "@/lib/dal/committee-votes";
import { answerEndorsementRequest, declineEndorsementRequest, listMyEndorsementRequests } from "@/lib/dal/endorsement-answers";
import { requestEndorsements } from "@/lib/dal/endorsements";
import { savePacketCase, submitPacket } from "@/lib/dal/packet-case";
import { decidePacket } from "@/lib/dal/packet-decision";
import { reopenPacket } from "@/lib/dal/packet-reopen";
import { savePacketNotes } from "@/lib/dal/packet-notes";
import { endorsePacket } from "@/lib/dal/packet-review";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { renderPacketPdf } from "@/lib/pdf/packet-pdf";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { mustSucceed, packetIn, packetRow, rateAll, startedPacket, writeCase } from "@/lib/test/packets";
import { pdfPages, squeeze } from "@/lib/test/pdf-text";
import { orgToday } from "./org-settings";
import { getPacketDocument } from "./packet-document";
import { getPacket } from "./packets";

/*
 * The decided packet as a finished document: the committee's decision, each
 * cell's "what is missing" and each cell's endorsements are in the PDF's text
 * for the packet's readers (the author, their managers, admins), as on the
 * packet page. The colleagues who endorsed and the committee's members read
 * neither; the members' votes and the manager's private notes are never in it.
 */
let org: Org;
beforeAll(() => {
  org = buildOrg();
  // The outsider sits on the committee (not recused: the author is not in their org) and is asked to endorse.
  db().insert(committeeMembers).values({ personId: org.people.outsider.id, addedById: org.people.admin.id }).run();
});

const ENDORSED = "values.complexity";
const QUESTIONED = "technical.influence";
const LATER = "leadership.influence";
const VOTE = "Vote comment: the influence claims are thin";
const NOTE = "Private: compare with the other Senior candidates";

async function pdfText(viewer: Viewer, id: string) {
  const { document } = getPacketDocument(viewer, id, "pdf");
  const bytes = await renderPacketPdf(document, { generatedOn: "2026-11-22" });
  return squeeze((await pdfPages(bytes)).join("\n"));
}

/* A packet endorsed by a peer on one cell and questioned on another (the first since rewritten), declined by a second colleague, voted on and declined by the committee. */
function declinedPacket() {
  const { viewer: author } = newViewer({ managerId: org.people.manager.id, name: `Riya Declined ${crypto.randomUUID().slice(0, 4)}` });
  const id = startedPacket(author, author.id);
  writeCase(author, id);
  mustSucceed(requestEndorsements(author, id, { endorserIds: [org.people.peer.id], cells: [ENDORSED, QUESTIONED], message: "" }));
  mustSucceed(requestEndorsements(author, id, { endorserIds: [org.people.outsider.id], cells: [LATER], message: "" }));
  const requestOf = (who: Viewer) => listMyEndorsementRequests(who).find((r) => r.authorName === author.name)!.id;
  mustSucceed(
    answerEndorsementRequest(org.as.peer, requestOf(org.as.peer), 1, [
      { cell: ENDORSED, stance: "endorse", comment: "Saw the queue migration land first hand." },
      { cell: QUESTIONED, stance: "question", comment: "Which teams took it up?" },
    ]),
  );
  mustSucceed(declineEndorsementRequest(org.as.outsider, requestOf(org.as.outsider), "Not close enough to the work."));
  const cells = getPacket(author, id).cells.map((c) => ({ cell: c.id, text: c.id === ENDORSED ? "Rewritten after the endorsement: two teams now run it." : c.text, citations: [] }));
  mustSucceed(savePacketCase(author, id, packetRow(id).caseVersion, { summary: "Ready.", cells }));
  mustSucceed(submitPacket(author, id, packetRow(id).caseVersion, ""));
  rateAll(org.as.manager, id, "meets");
  mustSucceed(savePacketNotes(org.as.manager, id, 0, NOTE));
  mustSucceed(endorsePacket(org.as.manager, id, packetRow(id).managerVersion, "Ready."));
  mustSucceed(recordVote(org.as.outsider, id, "decline", VOTE));
  const missing = { [QUESTIONED]: "Show influence beyond your own team.", [LATER]: "Lead a design review for another group." };
  mustSucceed(decidePacket(org.as.admin, id, { outcome: "declined", reasons: "Strong delivery; **influence** not yet at Senior.", effectiveDate: null, missing }));
  return { author, id, missing };
}

// Rendering and reading back a PDF takes a second or more while other builds share the two cores.
describe("the decided packet's PDF", { timeout: 30_000 }, () => {
  it("a declined packet holds the reasons, each cell's what is missing and the endorsements, for the author, the manager chain and admins", async () => {
    const { author, id, missing } = declinedPacket();
    const name = (cell: string) => getPacket(author, id).cells.find((c) => c.id === cell)!.name;
    for (const reader of [author, org.as.manager, org.as.director, org.as.admin]) {
      const text = await pdfText(reader, id);
      for (const words of [
        "The committee's decision",
        "Outcome: Declined",
        `Recorded by: ${org.people.admin.name}, for the promotion committee`,
        "Strong delivery; influence not yet at Senior.",
        `What is missing (written beside each cell) • ${name(QUESTIONED)} • ${name(LATER)}`,
        `What is missing ${missing[QUESTIONED]}`,
        `What is missing ${missing[LATER]}`,
        `Endorsed by ${org.people.peer.name}`,
        "Saw the queue migration land first hand.",
        "Given to an earlier version of this cell: the case has changed since.",
        `The words ${org.people.peer.name} answered Led the queue migration across two teams. (${ENDORSED})`,
        `Questioned by ${org.people.peer.name}`,
        "Which teams took it up?",
        `Also asked to endorse this cell: ${org.people.outsider.name} (declined: Not close enough to the work.).`,
      ]) {
        expect(text, reader.name).toContain(squeeze(words));
      }
      // The members' votes stay with the committee; private notes with the manager chain's page.
      expect(text).not.toContain(squeeze(VOTE));
      expect(text).not.toContain(squeeze(NOTE));
    }
    // Each cell's "what is missing" follows that cell's case, not another's.
    const text = await pdfText(author, id);
    expect(text.indexOf(squeeze(missing[QUESTIONED]!))).toBeGreaterThan(text.indexOf(squeeze(`Led the queue migration across two teams. (${QUESTIONED})`)));
    expect(text.indexOf(squeeze(missing[QUESTIONED]!))).toBeLessThan(text.indexOf(squeeze(`Led the queue migration across two teams. (${LATER})`)));
  });

  it("a draft reopened from a declined packet holds the earlier reasons and, beside each cell, what was missing last time", async () => {
    const { author, id, missing } = declinedPacket();
    const result = mustSucceed(reopenPacket(author, id));
    const reopened = result.ok ? result.value : "";
    for (const reader of [author, org.as.manager]) {
      const text = await pdfText(reader, reopened);
      for (const words of ["Reopened from a declined packet", "The committee's reasons then Strong delivery; influence not yet at Senior.", `What was missing last time ${missing[QUESTIONED]}`, `What was missing last time ${missing[LATER]}`]) {
        expect(text, reader.name).toContain(squeeze(words));
      }
      expect(text).not.toContain(squeeze("The committee's decision"));
    }
  });

  it("an approved packet holds the decision and the effective date, and no what is missing", async () => {
    const { viewer: author } = newViewer({ managerId: org.people.manager.id, name: `Ari Approved ${crypto.randomUUID().slice(0, 4)}` });
    const id = packetIn("endorsed", author, org.as.manager);
    mustSucceed(decidePacket(org.as.admin, id, { outcome: "approved", reasons: "Consistently at Senior across teams.", effectiveDate: orgToday(), missing: {} }));
    const from = formatDate(orgToday());
    const own = await pdfText(author, id);
    for (const words of [`Outcome: Approved: you are IC3 · Senior Software Engineer from ${from}`, `Effective date: ${from}`, "Consistently at Senior across teams.", "Visible to: You, your managers, admins and the promotion committee"]) expect(own).toContain(squeeze(words));
    expect(own).not.toContain(squeeze("What is missing"));
    const admin = await pdfText(org.as.admin, id);
    expect(admin).toContain(squeeze(`Outcome: Approved: ${author.name} is IC3 · Senior Software Engineer from ${from}`));
  });

  it("before the decision there is no decision section; endorsements show as soon as they are answered", async () => {
    const { viewer: author } = newViewer({ managerId: org.people.manager.id });
    const id = packetIn("draft", author, org.as.manager);
    writeCase(author, id);
    mustSucceed(requestEndorsements(author, id, { endorserIds: [org.people.peer.id], cells: [ENDORSED], message: "" }));
    expect(await pdfText(author, id)).toContain(squeeze(`Also asked to endorse this cell: ${org.people.peer.name} (waiting for an answer).`));
    const requestId = listMyEndorsementRequests(org.as.peer).find((r) => r.authorName === author.name)!.id;
    mustSucceed(answerEndorsementRequest(org.as.peer, requestId, 1, [{ cell: ENDORSED, stance: "endorse", comment: "" }]));
    const text = await pdfText(author, id);
    expect(text).toContain(squeeze(`Endorsed by ${org.people.peer.name}`));
    expect(text).toContain(squeeze("No comment."));
    expect(text).not.toContain(squeeze("The committee's decision"));
    expect(text).not.toContain(squeeze("Given to an earlier version"));
  });

  it("the endorsers, the committee's member and unrelated managers get neither document nor decision: as for a missing packet", () => {
    const { id } = declinedPacket();
    for (const who of ["peer", "outsider", "otherManager", "engineer"] as const) {
      expect(() => getPacketDocument(org.as[who], id, "pdf"), who).toThrow(NotFoundError);
      expect(() => getPacketDocument(org.as[who], id, "print"), who).toThrow(NotFoundError);
    }
  });
});
