import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/domain/viewer";
import { XSS_PAYLOADS } from "@/lib/test/xss-corpus";
import { expectInert, ok } from "@/lib/test/xss-render";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { packetCellIds, packetRow, rateAll, startedPacket, writeCase } from "@/lib/test/packets";
import { listNotifications } from "./notifications";
import { getPacket } from "./packets";
import { savePacketCase, submitPacket, withdrawPacket } from "./packet-case";
import { getPacketNotes, savePacketNotes } from "./packet-notes";
import { endorsePacket, returnPacket, savePacketReview } from "./packet-review";

/*
 * The stored-XSS corpus through every field of a promotion packet: the
 * author's summary and case per cell, the manager's comments and
 * justifications, the notes on the timeline (submit, return, endorse,
 * withdraw) and the private notes, all Markdown on the packet page; and the
 * notes as the author's notification repeats them (React text). Each is
 * saved through the DAL as the packet's actions send it (step notes trimmed),
 * read back as its page reads it, exactly as typed, and renders inert.
 */
let org: Org;
beforeAll(() => {
  org = buildOrg();
});

/* A new direct report of the manager, with a packet of their own. */
const freshPacket = () => {
  const { viewer: author } = newViewer({ managerId: org.people.manager.id });
  return { author, id: startedPacket(author, author.id) };
};
/* What a step on this packet told the person, as their notification list reads it (a notification keeps a note's first 1,000 characters; the timeline keeps it all). */
const notice = (viewer: Viewer, packetId: string, kind: string) => listNotifications(viewer).items.find((n) => n.recordId === packetId && n.kind === kind)!;

describe("the stored-XSS corpus in every packet field", { timeout: 180_000 }, () => {
  it("the summary and each cell's case, the manager's comments and justifications (Markdown)", () => {
    const cellCount = packetCellIds(freshPacket().id).length;
    for (let i = 0; i < XSS_PAYLOADS.length; i += cellCount) {
      const batch = XSS_PAYLOADS.slice(i, i + cellCount);
      const { author, id } = freshPacket();
      const cells = packetCellIds(id);
      const at = (k: number) => batch[k % batch.length]!;
      ok(savePacketCase(author, id, 1, { summary: at(0), cells: cells.map((cell, k) => ({ cell, text: at(k), citations: [] })) }));
      ok(submitPacket(author, id, packetRow(id).caseVersion, ""));
      ok(savePacketReview(org.as.manager, id, packetRow(id).managerVersion, cells.map((cell, k) => ({ cell, rating: "not-yet", comment: at(k), justification: at(k + 1) }))));
      ok(returnPacket(org.as.manager, id, packetRow(id).managerVersion, "More, please."));
      // Returned, the author reads the manager's part beside their own.
      const read = getPacket(author, id);
      expect(read.packet.summary).toBe(at(0));
      const manager = new Map(read.manager!.cells.map((c) => [c.cell, c]));
      for (const [k, cell] of cells.entries()) {
        expect(read.cells.find((c) => c.id === cell)!.text).toBe(at(k));
        expect(manager.get(cell)).toMatchObject({ comment: at(k), justification: at(k + 1) });
      }
      for (const value of batch) expectInert("markdown", value);
    }
  });

  it("step notes on the timeline (Markdown) and in the other side's notification (text): every payload submitted and returned", () => {
    const { author, id } = freshPacket();
    writeCase(author, id);
    for (const payload of XSS_PAYLOADS) {
      const note = payload.trim();
      ok(submitPacket(author, id, packetRow(id).caseVersion, note));
      const returned = returnPacket(org.as.manager, id, packetRow(id).managerVersion, note);
      if (!note) {
        // A return must say why: a blank reason is refused beside the field, and the packet stays with the manager.
        expect(returned).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
        ok(returnPacket(org.as.manager, id, packetRow(id).managerVersion, "Blank"));
        continue;
      }
      ok(returned);
      expect(notice(author, id, "packet-returned").detail).toBe(note.slice(0, 1000));
      expectInert("markdown", note);
      expectInert("text", note);
    }
    const said = getPacket(author, id).events.filter((e) => e.step === "submit" || e.step === "return").map((e) => e.note);
    expect(said).toEqual(XSS_PAYLOADS.flatMap((p) => (p.trim() ? [p.trim(), p.trim()] : ["", "Blank"])));
  });

  // Endorsing and withdrawing end a packet, so each needs one of its own: a sample of the corpus (their notes are the same timeline field as above).
  it("an endorsement's note and a withdrawal's reason (Markdown on the timeline, text in the notification)", () => {
    for (const payload of XSS_PAYLOADS.filter((p, i) => p.trim() && i % 7 === 0)) {
      const note = payload.trim();
      const endorsed = freshPacket();
      writeCase(endorsed.author, endorsed.id);
      ok(submitPacket(endorsed.author, endorsed.id, packetRow(endorsed.id).caseVersion, ""));
      rateAll(org.as.manager, endorsed.id, "meets");
      ok(endorsePacket(org.as.manager, endorsed.id, packetRow(endorsed.id).managerVersion, note));
      expect(getPacket(endorsed.author, endorsed.id).events.at(-1)).toMatchObject({ step: "endorse", note });
      expect(notice(endorsed.author, endorsed.id, "packet-endorsed").detail).toBe(note.slice(0, 1000));
      const withdrawn = freshPacket();
      ok(withdrawPacket(withdrawn.author, withdrawn.id, note));
      expect(getPacket(org.as.manager, withdrawn.id).events.at(-1)).toMatchObject({ step: "withdraw", note });
      expect(notice(org.as.manager, withdrawn.id, "packet-withdrawn").detail).toBe(note.slice(0, 1000));
    }
  });

  it("private notes (Markdown)", () => {
    const { id } = freshPacket();
    XSS_PAYLOADS.forEach((payload, version) => {
      ok(savePacketNotes(org.as.manager, id, version, payload));
      const notes = getPacketNotes(org.as.director, id);
      expect(notes.body).toBe(payload);
      expectInert("markdown", notes.body);
    });
  });
});
