import { describe, expect, it } from "vitest";
import { digestDay, digestKey, digestSubject, groupForDigest, type DigestItem } from "./digest";
import { describeFailure, isConnectionFailure, isPermanentFailure, MAX_ATTEMPTS, retryDelayMs } from "./delivery";
import { escapeHtml, renderAccountLinkEmail, renderDigestEmail, renderNotificationEmail } from "./email";
import { recordPath } from "./kinds";
import { addDays, reminderDue, reminderKey, reminderKind } from "./reminders";

describe("reminders", () => {
  it("counts calendar days across month and year ends", () => {
    expect(addDays("2026-12-30", 2)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -2)).toBe("2026-02-27");
  });

  it("is due soon from two days before the due date through the day itself, then overdue", () => {
    expect(reminderDue("2026-06-15", "2026-06-12")).toBeNull();
    expect(reminderDue("2026-06-15", "2026-06-13")).toBe("due-soon");
    expect(reminderDue("2026-06-15", "2026-06-15")).toBe("due-soon");
    expect(reminderDue("2026-06-15", "2026-06-16")).toBe("overdue");
  });

  it("names each reminder by part, review and due date, so a moved due date is a new reminder", () => {
    expect(reminderKind("manager", "overdue")).toBe("review-manager-overdue");
    expect(reminderKey("self", "due-soon", "r1", "2026-06-15")).not.toBe(reminderKey("self", "due-soon", "r1", "2026-06-20"));
    expect(reminderKey("self", "due-soon", "r1", "2026-06-15")).not.toBe(reminderKey("manager", "due-soon", "r1", "2026-06-15"));
  });
});

describe("the daily digest", () => {
  const at = (iso: string) => new Date(iso);
  const item = (kind: DigestItem["kind"], title: string, when: string): DigestItem => ({ kind, title, detail: "", path: "/x", createdAt: at(when) });

  it("groups by area in a fixed order, newest first, leaving out empty areas", () => {
    const groups = groupForDigest([
      item("claim-approved", "Claim approved", "2026-05-02T09:00:00Z"),
      item("review-shared", "Review shared", "2026-05-01T09:00:00Z"),
      item("claim-filed", "Claim filed", "2026-05-03T09:00:00Z"),
    ]);
    expect(groups.map((g) => [g.area, g.items.map((i) => i.title)])).toEqual([
      ["Reviews", ["Review shared"]],
      ["Stipend", ["Claim filed", "Claim approved"]],
    ]);
    expect(digestSubject(groups)).toBe("Trellis: 3 updates waiting (Reviews: 1, Stipend: 2)");
    expect(groupForDigest([item("claim-filed", "Only stipend", "2026-05-03T09:00:00Z")]).map((g) => g.area)).toEqual(["Stipend"]);
  });

  it("is due from 08:00 in the organisation's time zone, for that zone's date", () => {
    // 21:30 UTC on 1 May is 09:30 on 2 May in Auckland (UTC+12), and 14:30 on 1 May in Los Angeles.
    expect(digestDay(at("2026-05-01T21:30:00Z"), "Pacific/Auckland")).toBe("2026-05-02");
    expect(digestDay(at("2026-05-01T21:30:00Z"), "America/Los_Angeles")).toBe("2026-05-01");
    // 07:59 in UTC: not yet.
    expect(digestDay(at("2026-05-01T07:59:00Z"), "UTC")).toBeNull();
    expect(digestKey("p1", "2026-05-02")).toBe("digest:p1:2026-05-02");
  });
});

describe("delivery", () => {
  it("backs off by doubling, capped at 120 times the first delay", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20, 30_000)).toBe(3_600_000);
    expect(MAX_ATTEMPTS).toBeGreaterThan(10);
  });

  it("gives up only on a final answer about the message", () => {
    expect(isPermanentFailure({ code: "EENVELOPE", responseCode: 550 })).toBe(true);
    expect(isPermanentFailure({ code: "EAUTH", responseCode: 535 })).toBe(false);
    expect(isPermanentFailure({ code: "EENVELOPE", responseCode: 451 })).toBe(false);
    expect(isPermanentFailure({ code: "ECONNECTION" })).toBe(false);
    expect(isConnectionFailure({ code: "ECONNECTION" })).toBe(true);
    expect(isConnectionFailure({ code: "EENVELOPE", responseCode: 451 })).toBe(false);
    expect(describeFailure({ code: "ECONNECTION", message: "connect ECONNREFUSED 127.0.0.1:2525" })).toBe("ECONNECTION connect ECONNREFUSED 127.0.0.1:2525");
  });
});

describe("emails", () => {
  const hostile = `<img src=x onerror="alert(1)"> & 'quotes'`;

  it("escapes every value a person wrote in the HTML, keeps it readable in the text, and links from the origin given", () => {
    const email = renderNotificationEmail({ recipientName: `Eve ${hostile}`, title: `Sam approved your claim: ${hostile}`, detail: `Reason: ${hostile}`, url: "https://trellis.example.com/stipend/claims/c1", cta: "Open the claim", origin: "https://trellis.example.com" });
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;");
    expect(email.text).toContain(`Sam approved your claim: ${hostile}`);
    expect(email.text).toContain("Open the claim: https://trellis.example.com/stipend/claims/c1");
    expect(email.html).toContain('href="https://trellis.example.com/stipend/claims/c1"');
    expect(email.text).toContain("https://trellis.example.com/account#email");
  });

  it("keeps a subject to one line, whatever the title holds", () => {
    const email = renderNotificationEmail({ recipientName: "Eve", title: "Claim: Book\r\nBcc: victim@example.com", detail: "", url: "https://t.example/x", cta: "Open", origin: "https://t.example" });
    expect(email.subject).toBe("Claim: Book Bcc: victim@example.com");
  });

  it("writes a digest with each item linked and escaped", () => {
    const groups = groupForDigest([{ kind: "claim-rejected", title: `Rejected: ${hostile}`, detail: "Reason: <b>no</b>", path: "/stipend/claims/c9", createdAt: new Date("2026-05-01T09:00:00Z") }]);
    const email = renderDigestEmail({ recipientName: "Eve", subject: digestSubject(groups), groups, origin: "https://t.example", formatWhen: () => "1 May" });
    expect(email.html).not.toContain("<b>no</b>");
    expect(email.html).toContain('href="https://t.example/stipend/claims/c9"');
    expect(email.text).toContain("STIPEND\n- Rejected: ");
    expect(email.text).toContain("  https://t.example/stipend/claims/c9");
  });

  it("words an invitation and a reset with their link", () => {
    const invite = renderAccountLinkEmail({ recipientName: "Casey New", adminName: "Morgan <Admin>", purpose: "invite", link: "https://t.example/invite/tok", expiresAt: "8 May 2026, 09:00 UTC" });
    expect(invite.subject).toBe("You're invited to Trellis");
    expect(invite.text).toContain("Choose a password: https://t.example/invite/tok");
    expect(invite.html).toContain("Morgan &lt;Admin&gt; invited you");
    expect(renderAccountLinkEmail({ recipientName: "C", adminName: "M", purpose: "reset", link: "https://t.example/invite/t2", expiresAt: "soon" }).subject).toBe("Reset your Trellis password");
  });

  it("links each record type to its page", () => {
    expect(recordPath({ type: "review", id: "r1" })).toBe("/reviews/r1");
    expect(recordPath({ type: "stipend-claim", id: "c/1" })).toBe("/stipend/claims/c%2F1");
  });

  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});
