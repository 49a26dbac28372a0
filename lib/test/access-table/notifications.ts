import { EVERYONE, OWNER, type Role } from "./roles";
import type { AccessRow, Proof } from "./types";

/*
 * Notifications and the email setting: each person's own. The page lists the
 * viewer's own; opening or marking one read works only for its recipient
 * (Jordan's, here); "mark all read" and the email setting reach only the
 * viewer's own. The outbox's status is part of the admins' settings page.
 */
const FILE = { notifications: "app/(app)/notifications/actions.ts", account: "app/(app)/account/actions.ts" };
const SIGNED_IN: Exclude<Role, "signedOut">[] = ["engineer", "peer", "manager", "director", "otherManager", "admin"];
const eachOwn = (what: string) => Object.fromEntries(SIGNED_IN.map((role) => [role, { what }])) as Record<Exclude<Role, "signedOut">, Proof>;
const action = (where: keyof typeof FILE, name: string, cells: AccessRow["cells"], input: AccessRow["input"], proofs: AccessRow["proofs"], extra: Partial<AccessRow> = {}): AccessRow => ({ entry: `action ${FILE[where]}#${name}`, cells, input, proofs, ...extra });
/* Opening and marking one read are bare <form action>s: posted as the browser does without JavaScript, they answer nothing, so a refusal shows as the notification still unread. */
const BARE_FORM = { encoding: "no-js", silent: true } as const;
const JORDANS = { engineer: { what: "mark the engineer's notification read" } };

export const NOTIFICATION_ROWS: AccessRow[] = [
  { entry: "page /notifications", cells: EVERYONE, path: () => "/notifications", shows: () => "Your notifications" },
  action("notifications", "openNotificationAction", OWNER, (ids) => ({ id: ids.notification }), JORDANS, BARE_FORM),
  action("notifications", "markNotificationReadAction", OWNER, (ids) => ({ id: ids.notification }), JORDANS, BARE_FORM),
  action("notifications", "markAllNotificationsReadAction", EVERYONE, () => ({}), eachOwn("mark all own notifications read, nobody else's")),
  action("account", "saveEmailPreferenceAction", EVERYONE, (ids) => ({ email: "digest", version: ids.emailPreferenceVersion }), eachOwn("choose own email setting")),
];
