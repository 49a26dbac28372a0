import type { DigestGroup } from "./digest";

/*
 * The emails Trellis sends, as plain text and simple HTML. Every value that
 * came from a person (names, titles, reasons) is escaped in the HTML; the
 * plain text needs no escaping. Links are absolute, built from the origin the
 * caller passes (AUTH_URL).
 */
export type RenderedEmail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/* A subject is one line: a person's text must not start a new header. */
const oneLine = (value: string, max = 150) => {
  const flat = value.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

function page(body: string): string {
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f5f5f4;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1c1917"><div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e7e5e4;border-radius:8px;padding:24px">${body}</div></body></html>`;
}

const button = (href: string, label: string) =>
  `<p style="margin:20px 0"><a href="${escapeHtml(href)}" style="display:inline-block;background:#155a41;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">${escapeHtml(label)}</a></p>`;

const footer = (origin: string, why: string) => ({
  text: `\n--\n${why}\nChange what Trellis emails you: ${origin}/account#email`,
  html: `<p style="margin-top:24px;border-top:1px solid #e7e5e4;padding-top:12px;font-size:12px;color:#57534e">${escapeHtml(why)} <a href="${escapeHtml(origin)}/account#email" style="color:#155a41">Change what Trellis emails you</a>.</p>`,
});

/* One notification, sent as it happens. */
export function renderNotificationEmail(input: { recipientName: string; title: string; detail: string; url: string; cta: string; origin: string }): RenderedEmail {
  const end = footer(input.origin, "You get an email for each notification.");
  const detail = input.detail.trim();
  return {
    subject: oneLine(input.title),
    text: [`Hi ${firstName(input.recipientName)},`, "", input.title, ...(detail ? [detail] : []), "", `${input.cta}: ${input.url}`, end.text].join("\n"),
    html: page(
      `<p>Hi ${escapeHtml(firstName(input.recipientName))},</p><p style="font-size:16px;font-weight:600">${escapeHtml(input.title)}</p>${detail ? `<p style="white-space:pre-line;color:#44403c">${escapeHtml(detail)}</p>` : ""}${button(input.url, input.cta)}${end.html}`,
    ),
  };
}

/* Everything since the last digest, grouped by area. */
export function renderDigestEmail(input: { recipientName: string; subject: string; groups: DigestGroup[]; origin: string; formatWhen: (at: Date) => string }): RenderedEmail {
  const end = footer(input.origin, "You get one email a day with what you have not read yet.");
  const text = input.groups.flatMap((g) => ["", g.area.toUpperCase(), ...g.items.flatMap((i) => [`- ${i.title} (${input.formatWhen(i.createdAt)})`, ...(i.detail ? [`  ${i.detail.replace(/\n/g, "\n  ")}`] : []), `  ${input.origin}${i.path}`])]);
  const html = input.groups
    .map(
      (g) =>
        `<h2 style="font-size:15px;margin:20px 0 8px">${escapeHtml(g.area)}</h2><ul style="padding-left:18px;margin:0">${g.items
          .map(
            (i) =>
              `<li style="margin-bottom:10px"><a href="${escapeHtml(input.origin + i.path)}" style="color:#155a41;font-weight:600">${escapeHtml(i.title)}</a> <span style="color:#57534e;font-size:12px">${escapeHtml(input.formatWhen(i.createdAt))}</span>${i.detail ? `<br><span style="color:#44403c;white-space:pre-line">${escapeHtml(i.detail)}</span>` : ""}</li>`,
          )
          .join("")}</ul>`,
    )
    .join("");
  return {
    subject: oneLine(input.subject),
    text: [`Hi ${firstName(input.recipientName)},`, "", "Here is what is waiting for you in Trellis.", ...text, "", `Open Trellis: ${input.origin}/notifications`, end.text].join("\n"),
    html: page(`<p>Hi ${escapeHtml(firstName(input.recipientName))},</p><p>Here is what is waiting for you in Trellis.</p>${html}${button(`${input.origin}/notifications`, "Open your notifications")}${end.html}`),
  };
}

/* An invitation or a password reset an admin issued: sent whatever the person's email setting, since it is the only way in. */
export function renderAccountLinkEmail(input: { recipientName: string; adminName: string; purpose: "invite" | "reset"; link: string; expiresAt: string }): RenderedEmail {
  const invite = input.purpose === "invite";
  const lead = invite ? `${input.adminName} invited you to Trellis, where your team keeps its career framework, reviews and education stipend.` : `${input.adminName} issued a link for you to choose a new Trellis password.`;
  const ask = invite ? "Choose a password" : "Choose a new password";
  const terms = `The link works once and expires ${input.expiresAt}. If you did not expect it, ignore this email.`;
  return {
    subject: invite ? "You're invited to Trellis" : "Reset your Trellis password",
    text: [`Hi ${firstName(input.recipientName)},`, "", lead, "", `${ask}: ${input.link}`, "", terms].join("\n"),
    html: page(`<p>Hi ${escapeHtml(firstName(input.recipientName))},</p><p>${escapeHtml(lead)}</p>${button(input.link, ask)}<p style="font-size:13px;color:#57534e">${escapeHtml(terms)}</p>`),
  };
}
