import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/domain/viewer";
import { XSS_PAYLOADS } from "@/lib/test/xss-corpus";
import { expectInert, ok } from "@/lib/test/xss-render";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { packetCellIds, packetIn, packetRow, rateAll, startedPacket } from "@/lib/test/packets";
import { db } from "@/db";
import { endorsementRequests } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import { setCommitteeMember } from "./committee";
import { getCommitteePacket } from "./committee-packets";
import { recordVote } from "./committee-votes";
import { answerEndorsementRequest, declineEndorsementRequest, getEndorsementRequest } from "./endorsement-answers";
import { requestEndorsements } from "./endorsements";
import { listNotifications } from "./notifications";
import { savePacketCase, submitPacket } from "./packet-case";
import { decidePacket } from "./packet-decision";
import { reopenPacket } from "./packet-reopen";
import { endorsePacket } from "./packet-review";
import { getPacket } from "./packets";

/*
 * The stored-XSS corpus through the fields of endorsements and the
 * committee: the author's request note (Markdown on the endorser's page, text
 * in their notification), the endorser's comment per cell (Markdown) and
 * decline reason (text, on their page, the packet and the author's
 * notification), a member's vote comment (Markdown), and the decision's
 * reasons and what is missing per cell (Markdown), which a reopened draft
 * carries over with the declined packet's summary and case. Each is saved
 * through the DAL as the actions send it (trimmed where the DAL or the action
 * trims), read back as its page reads it, and renders inert.
 */
let org: Org;
beforeAll(() => {
  org = buildOrg();
});

/* A new direct report of the manager, with a packet in the given state. */
const freshPacket = (state: "draft" | "endorsed") => {
  const { viewer: author } = newViewer({ managerId: org.people.manager.id });
  return { author, id: state === "draft" ? startedPacket(author, author.id) : packetIn("endorsed", author, org.as.manager) };
};
/* A colleague outside the author's chain, asked about `cells` of the packet with `message`; returns them and their request's id. */
const ask = (author: Viewer, packetId: string, cells: string[], message: string) => {
  const { viewer: endorser } = newViewer();
  ok(requestEndorsements(author, packetId, { endorserIds: [endorser.id], cells, message }));
  const request = db().select({ id: endorsementRequests.id }).from(endorsementRequests).where(and(eq(endorsementRequests.packetId, packetId), eq(endorsementRequests.endorserId, endorser.id))).get()!;
  return { endorser, requestId: request.id };
};
/* What the viewer's newest notifications of a kind say (a notification keeps a detail's first 1,000 characters). */
const told = (viewer: Viewer, kind: string) => listNotifications(viewer).items.filter((n) => n.kind === kind).map((n) => n.detail);

describe("the stored-XSS corpus in endorsements and the committee", { timeout: 180_000 }, () => {
  it("a request's note (Markdown on the endorser's page, text in their notification) and a decline's reason (text): every payload", () => {
    const { author, id } = freshPacket("draft");
    const [cell] = packetCellIds(id);
    for (const payload of XSS_PAYLOADS) {
      const message = payload.trim();
      const { endorser, requestId } = ask(author, id, [cell!], message);
      expect(getEndorsementRequest(endorser, requestId).request.message).toBe(message);
      expect(told(endorser, "endorsement-requested")).toEqual([`1 claim to endorse or question.${message ? ` ${message}` : ""}`.slice(0, 1000)]);
      expectInert("markdown", message);
      ok(declineEndorsementRequest(endorser, requestId, message));
      expect(getEndorsementRequest(endorser, requestId).request.declineReason).toBe(message);
      expect(getPacket(author, id).endorsements.find((e) => e.id === requestId)!.declineReason).toBe(message);
      expect(told(author, "endorsement-answered")).toContain((message || "No reason given.").slice(0, 1000));
      expectInert("text", message);
    }
  });

  it("an endorser's comment on each cell (Markdown, on their page and the packet's)", () => {
    const { author, id } = freshPacket("draft");
    const cells = packetCellIds(id);
    const { endorser, requestId } = ask(author, id, cells, "");
    for (let i = 0; i < XSS_PAYLOADS.length; i += cells.length) {
      const batch = XSS_PAYLOADS.slice(i, i + cells.length);
      const at = (k: number) => batch[k % batch.length]!;
      const { version } = getEndorsementRequest(endorser, requestId).request;
      ok(answerEndorsementRequest(endorser, requestId, version, cells.map((cell, k) => ({ cell, stance: "endorse", comment: at(k) }))));
      const mine = new Map(getEndorsementRequest(endorser, requestId).cells.map((c) => [c.id, c.comment]));
      const onPacket = new Map(getPacket(author, id).endorsements.find((e) => e.id === requestId)!.cells.map((c) => [c.cell, c.comment]));
      for (const [k, cell] of cells.entries()) {
        expect(mine.get(cell)).toBe(at(k).trim());
        expect(onPacket.get(cell)).toBe(at(k).trim());
      }
      for (const value of batch) expectInert("markdown", value.trim());
    }
  });

  it("a member's vote comment (Markdown, as the other members and the admin read it): every payload", () => {
    const { viewer: member } = newViewer();
    ok(setCommitteeMember(org.as.admin, member.id, true));
    const { id } = freshPacket("endorsed");
    for (const payload of XSS_PAYLOADS) {
      const comment = payload.trim();
      const voted = recordVote(member, id, "approve", comment);
      if (!comment) {
        // A vote must say why: a blank comment is refused beside the field.
        expect(voted).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(Array) } });
        continue;
      }
      ok(voted);
      expect(getCommitteePacket(org.as.admin, id).votes!.find((v) => v.memberId === member.id)!.comment).toBe(comment);
      expectInert("markdown", comment);
    }
  });

  it("a decline's reasons and what is missing per cell (Markdown), and a reopened draft that carries them with the declined case", () => {
    const cellCount = packetCellIds(freshPacket("draft").id).length;
    for (let i = 0; i < XSS_PAYLOADS.length; i += cellCount) {
      const batch = XSS_PAYLOADS.slice(i, i + cellCount);
      const at = (k: number) => batch[k % batch.length]!;
      // Reasons must not be blank, and one cell at least must say what is missing: a batch's first written payload stands in for blank ones.
      const written = batch.find((p) => p.trim()) ?? "Not yet.";
      const { author, id } = freshPacket("draft");
      const cells = packetCellIds(id);
      ok(savePacketCase(author, id, packetRow(id).caseVersion, { summary: at(0), cells: cells.map((cell, k) => ({ cell, text: at(k), citations: [] })) }));
      ok(submitPacket(author, id, packetRow(id).caseVersion, ""));
      rateAll(org.as.manager, id, "meets");
      ok(endorsePacket(org.as.manager, id, packetRow(id).managerVersion, "Ready."));
      const reasons = at(0).trim() ? at(0) : written;
      const missing = Object.fromEntries(cells.map((cell, k) => [cell, k === 0 && !at(0).trim() ? written : at(k)]));
      ok(decidePacket(org.as.admin, id, { outcome: "declined", reasons, effectiveDate: null, missing }));
      const declined = getPacket(author, id);
      expect(declined.decision).toMatchObject({ reasons: reasons.trim() });
      for (const cell of cells) expect(declined.cells.find((c) => c.id === cell)!.missing).toBe(missing[cell]!.trim());
      const reopened = (ok(reopenPacket(author, id)) as { value: string }).value;
      const draft = getPacket(author, reopened);
      expect(draft.reopenedFrom).toMatchObject({ id, reasons: reasons.trim() });
      expect(draft.packet.summary).toBe(at(0));
      for (const [k, cell] of cells.entries()) {
        expect(draft.reopenedFrom!.missing[cell] ?? "").toBe(missing[cell]!.trim());
        expect(draft.cells.find((c) => c.id === cell)!.text).toBe(at(k));
      }
      for (const value of [reasons, ...Object.values(missing)]) expectInert("markdown", value.trim());
    }
  });
});
