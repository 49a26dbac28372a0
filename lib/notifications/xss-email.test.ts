import { describe, expect, it } from "vitest";
import { decodeEntities, readHtml } from "@/lib/test/inert-html";
import { XSS_PAYLOADS } from "@/lib/test/xss-corpus";
import { groupForDigest } from "./digest";
import { renderAccountLinkEmail, renderDigestEmail, renderNotificationEmail, type RenderedEmail } from "./email";

/*
 * The stored-XSS corpus through the emails: a person's name, a
 * notification's title and detail (which repeat claim items, reasons and
 * packet notes), a digest's items and an invitation's names. Emails are
 * written as strings, not by React, so each payload is checked against the
 * same email with a harmless word in its place: the HTML must have exactly
 * the same elements and attributes (the payload added none, and no
 * attribute changed), the payload must read back as text, and the subject
 * must stay one line.
 */
const WORD = "Placeholder";
const EMAIL_TAGS = new Set(["html", "body", "div", "p", "a", "h2", "ul", "li", "span", "br"]);
const origin = "https://trellis.example.com";

function read(email: RenderedEmail) {
  const html = email.html.replace(/^<!doctype html>/, "");
  const reading = readHtml(html, EMAIL_TAGS);
  // The emails' own inline styles are the layout; any other problem is the payload's.
  return { ...reading, problems: reading.problems.filter((p) => !/ style> is not allowed$/.test(p)) };
}

function expectSameShape(render: (value: string) => RenderedEmail, payload: string) {
  const [hostile, harmless] = [read(render(payload)), read(render(WORD))];
  expect(hostile.problems, payload).toEqual([]);
  expect(hostile.elements, payload).toEqual(harmless.elements);
  expect(render(payload).subject, payload).not.toMatch(/[\r\n]/);
  return hostile.text;
}

/* The name as the greeting uses it: its first word. */
const firstWord = (value: string) => value.trim().split(/\s+/)[0] ?? "";

describe("the stored-XSS corpus in every email", () => {
  it("a notification: the recipient's name, the title and the detail", () => {
    for (const payload of XSS_PAYLOADS) {
      const text = expectSameShape((v) => renderNotificationEmail({ recipientName: v, title: `Sam rejected your claim: ${v}`, detail: `Reason: ${v}`, url: `${origin}/stipend/claims/c1`, cta: "Open the claim", origin }), payload);
      expect(text).toContain(`Sam rejected your claim: ${payload}`);
      expect(text).toContain(`Reason: ${payload}`.trim());
      expect(text).toContain(`Hi ${firstWord(payload)},`);
    }
  });

  it("a digest: each item's title and detail", () => {
    for (const payload of XSS_PAYLOADS) {
      const render = (v: string) => {
        const groups = groupForDigest([{ kind: "packet-returned", title: `Returned: ${v}`, detail: v, path: "/packets/p1", createdAt: new Date("2026-05-01T09:00:00Z") }]);
        return renderDigestEmail({ recipientName: "Eve", subject: `1 thing waiting: ${v}`, groups, origin, formatWhen: () => "1 May" });
      };
      const text = expectSameShape(render, payload);
      expect(text).toContain(`Returned: ${payload}`);
      expect(decodeEntities(render(payload).html)).toContain(payload);
    }
  });

  it("an invitation: the person's and the admin's names", () => {
    for (const payload of XSS_PAYLOADS) {
      const text = expectSameShape((v) => renderAccountLinkEmail({ recipientName: v, adminName: v, purpose: "invite", link: `${origin}/invite/t1`, expiresAt: "on 8 May" }), payload);
      expect(text).toContain(`${payload} invited you to Trellis`);
    }
  });
});
