/*
 * The demo organisation: a small engineering org across both tracks. The three
 * documented demo accounts (README) are Jordan (engineer), Sam (manager) and
 * Morgan (admin); all demo accounts share DEMO_PASSWORD.
 */
export const DEMO_PASSWORD = "trellis-demo-2026";

export type DemoPerson = {
  /* Defaults to true; a leaver shows how deactivated people keep their records. */
  active?: boolean;
  /* No password yet: an invitation link is waiting (the new-hire case). */
  invited?: boolean;
  key: string;
  name: string;
  email: string;
  role: "engineer" | "manager" | "admin";
  trackKey: string;
  levelKey: string;
  manager: string | null;
  team: string;
  startDate: string;
  history: { levelKey: string; trackKey?: string; effectiveDate: string; reason: string }[];
};

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: "morgan",
    name: "Morgan Reyes",
    email: "morgan@example.com",
    role: "admin",
    trackKey: "mgmt",
    levelKey: "m5",
    manager: null,
    team: "Leadership",
    startDate: "2019-03-04",
    history: [
      { levelKey: "m4", effectiveDate: "2019-03-04", reason: "Joined as VP of Engineering" },
      { levelKey: "m5", effectiveDate: "2022-01-01", reason: "Appointed CTO" },
    ],
  },
  {
    key: "priya",
    name: "Priya Natarajan",
    email: "priya@example.com",
    role: "manager",
    trackKey: "mgmt",
    levelKey: "m3",
    manager: "morgan",
    team: "Leadership",
    startDate: "2020-06-01",
    history: [
      { levelKey: "m2", effectiveDate: "2020-06-01", reason: "Joined as Senior Engineering Manager" },
      { levelKey: "m3", effectiveDate: "2023-07-01", reason: "Promoted to Director after the 2023 H1 cycle" },
    ],
  },
  {
    key: "sam",
    name: "Sam Okafor",
    email: "sam@example.com",
    role: "manager",
    trackKey: "mgmt",
    levelKey: "m1",
    manager: "priya",
    team: "Platform",
    startDate: "2021-02-15",
    history: [
      { levelKey: "ic3", trackKey: "ic", effectiveDate: "2021-02-15", reason: "Joined as Senior Software Engineer" },
      { levelKey: "m1", trackKey: "mgmt", effectiveDate: "2023-01-01", reason: "Moved to the management track to lead Platform" },
    ],
  },
  {
    key: "jordan",
    name: "Jordan Lee",
    email: "jordan@example.com",
    role: "engineer",
    trackKey: "ic",
    levelKey: "ic2",
    manager: "sam",
    team: "Platform",
    startDate: "2022-09-05",
    history: [
      { levelKey: "ic1", effectiveDate: "2022-09-05", reason: "Joined as Associate Software Engineer" },
      { levelKey: "ic2", effectiveDate: "2024-01-01", reason: "Promoted to Software Engineer in the 2023 H2 cycle" },
    ],
  },
  {
    key: "alex",
    name: "Alex Kim",
    email: "alex@example.com",
    role: "engineer",
    trackKey: "ic",
    levelKey: "ic3",
    manager: "sam",
    team: "Platform",
    startDate: "2020-11-02",
    history: [
      { levelKey: "ic2", effectiveDate: "2020-11-02", reason: "Joined as Software Engineer" },
      { levelKey: "ic3", effectiveDate: "2022-07-01", reason: "Promoted to Senior Software Engineer" },
    ],
  },
  {
    key: "riley",
    name: "Riley Chen",
    email: "riley@example.com",
    role: "engineer",
    trackKey: "ic",
    levelKey: "ic1",
    manager: "sam",
    team: "Platform",
    startDate: "2026-04-13",
    history: [{ levelKey: "ic1", effectiveDate: "2026-04-13", reason: "Joined as Associate Software Engineer" }],
  },
  {
    key: "taylor",
    name: "Taylor Brooks",
    email: "taylor@example.com",
    role: "engineer",
    trackKey: "ic",
    // Promoted to IC4 by the committee a few days ago: db/seed/demo-committee.ts records it as the app does.
    levelKey: "ic3",
    manager: "priya",
    team: "Platform",
    startDate: "2018-05-21",
    history: [{ levelKey: "ic3", effectiveDate: "2018-05-21", reason: "Joined as Senior Software Engineer" }],
  },
  {
    key: "dana",
    name: "Dana Whitfield",
    email: "dana@example.com",
    role: "manager",
    trackKey: "mgmt",
    levelKey: "m2",
    manager: "priya",
    team: "Product Experience",
    startDate: "2019-10-07",
    history: [
      { levelKey: "m1", effectiveDate: "2019-10-07", reason: "Joined as Engineering Manager" },
      { levelKey: "m2", effectiveDate: "2022-01-01", reason: "Promoted to Senior Engineering Manager" },
    ],
  },
  {
    key: "noor",
    name: "Noor Haddad",
    email: "noor@example.com",
    role: "engineer",
    trackKey: "ic",
    levelKey: "ic3",
    manager: "dana",
    team: "Product Experience",
    startDate: "2021-08-16",
    history: [
      { levelKey: "ic2", effectiveDate: "2021-08-16", reason: "Joined as Software Engineer" },
      { levelKey: "ic3", effectiveDate: "2024-07-01", reason: "Promoted to Senior Software Engineer" },
    ],
  },
  {
    key: "elliot",
    name: "Elliot Park",
    email: "elliot@example.com",
    role: "engineer",
    trackKey: "ic",
    levelKey: "ic2",
    manager: "dana",
    team: "Product Experience",
    startDate: "2023-03-06",
    history: [{ levelKey: "ic2", effectiveDate: "2023-03-06", reason: "Joined as Software Engineer" }],
  },
  {
    key: "avery",
    name: "Avery Santos",
    email: "avery@example.com",
    role: "engineer",
    trackKey: "ic",
    levelKey: "ic6",
    manager: "morgan",
    team: "Architecture",
    startDate: "2017-01-09",
    history: [
      { levelKey: "ic5", effectiveDate: "2017-01-09", reason: "Joined as Senior Staff Engineer" },
      { levelKey: "ic6", effectiveDate: "2020-01-01", reason: "Promoted to Principal Engineer" },
    ],
  },
  {
    key: "quinn",
    name: "Quinn Adebayo",
    email: "quinn@example.com",
    role: "engineer",
    trackKey: "ic",
    levelKey: "ic5",
    manager: "priya",
    team: "Product Experience",
    startDate: "2019-02-11",
    history: [
      { levelKey: "ic4", effectiveDate: "2019-02-11", reason: "Joined as Staff Engineer" },
      { levelKey: "ic5", effectiveDate: "2023-01-01", reason: "Promoted to Senior Staff Engineer" },
    ],
  },
  {
    key: "casey",
    name: "Casey Novak",
    email: "casey@example.com",
    role: "engineer",
    trackKey: "ic",
    levelKey: "ic2",
    manager: "dana",
    team: "Product Experience",
    startDate: "2026-11-16",
    invited: true,
    history: [{ levelKey: "ic2", effectiveDate: "2026-11-16", reason: "Joined as Software Engineer" }],
  },
  {
    key: "robin",
    name: "Robin Ellis",
    email: "robin@example.com",
    role: "engineer",
    trackKey: "ic",
    levelKey: "ic3",
    manager: "dana",
    team: "Product Experience",
    startDate: "2020-04-06",
    active: false,
    history: [
      { levelKey: "ic2", effectiveDate: "2020-04-06", reason: "Joined as Software Engineer" },
      { levelKey: "ic3", effectiveDate: "2023-01-01", reason: "Promoted to Senior Software Engineer" },
    ],
  },
];

/* The promotion committee named in the demo. */
export const DEMO_COMMITTEE = ["priya", "avery", "quinn"];
