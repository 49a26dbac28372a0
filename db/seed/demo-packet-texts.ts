/*
 * The demo packets' cases, per cell key of the default framework. A cell the
 * framework has but this table lacks (an edited framework) gets a plain line.
 */
const TEXTS: Record<string, Record<string, string>> = {
  jordan: {
    "values.complexity": "Chose the **flagged rollout** for search v2 over a big-bang launch, and wrote down why, when the deadline pushed the other way.",
    "values.influence": "Paired with Riley weekly for a month; Riley now deploys alone and asks for reviews early.",
    "values.multiplier": "Ran the blameless review of the cache outage: the write-up is now the template Platform uses.",
    "technical.complexity": "Split the search v2 rewrite into six reviewable steps and cut CI from 18 to 7 minutes by sharding the tests.",
    "technical.influence": "The queue service's on-call runbook is used by people who have never touched the service.",
    "technical.multiplier": "The CI change saves every engineer on Platform about an hour a day.",
    "leadership.complexity": "Led the incident review across Platform and Support, with two follow-ups shipped the same week.",
    "leadership.influence": "Presented the search v2 results at the engineering all-hands.",
    "leadership.multiplier": "Mentored Riley through onboarding; wrote the runbook so the rotation no longer depends on me.",
  },
  alex: {
    "values.complexity": "Held the line on a backwards-compatible migration when a faster cut-over would have broken two customers.",
    "values.influence": "Set up the shared design review with the Data team; both teams now review each other's RFCs.",
    "values.multiplier": "Started the platform guild; twelve people attend from four teams.",
    "technical.complexity": "Designed and led the platform migration: 40 services moved with no customer-facing downtime.",
    "technical.influence": "Wrote the platform's technical direction for the year, adopted by Platform and Data.",
    "technical.multiplier": "The migration toolkit is now used by every team moving a service.",
    "leadership.complexity": "Ran the migration's planning across three teams with conflicting priorities.",
    "leadership.influence": "Represented Platform in the architecture council this half.",
    "leadership.multiplier": "Coached two seniors through leading their first cross-team projects.",
  },
  noor: {
    "values.complexity": "Handled the onboarding team's disagreement about research scope with care, and wrote down the decision.",
    "values.influence": "Built trust with Support and Design by sharing every research finding openly.",
    "values.multiplier": "Made the research sessions a place where the quieter engineers lead.",
    "technical.complexity": "Knows the onboarding systems well enough to call out the delivery risk in the new flow.",
    "technical.influence": "Brokered the trade-off between the new flow and the legacy API with the API owners.",
    "technical.multiplier": "Started a reading group on the onboarding code; still early.",
    "leadership.complexity": "Ran the onboarding research as a team of four for two quarters.",
    "leadership.influence": "Works with Product and Support leads every week on the onboarding roadmap.",
    "leadership.multiplier": "Two people she mentored have taken on research of their own.",
  },
  taylor: {
    "values.complexity": "Argued for the slower, reversible storage migration and wrote down the trade-off; it saved us when the vendor changed terms.",
    "values.influence": "Runs the Platform and Data design review; both teams bring their hardest calls to it.",
    "values.multiplier": "Made it normal on Platform to publish an RFC before a big change; eleven RFCs this year, four by people new to it.",
    "technical.complexity": "Designed the event backbone that replaced three queues, with no customer-facing incident during the cut-over.",
    "technical.influence": "The backbone's contracts are now the standard for Platform, Data and Payments.",
    "technical.multiplier": "The backbone's client library halved the time it takes a team to add a new event.",
    "leadership.complexity": "Led the year's architecture plan across three teams with competing roadmaps.",
    "leadership.influence": "Represents Platform in the architecture council and in quarterly planning.",
    "leadership.multiplier": "Coached three engineers into leading cross-team projects of their own.",
  },
  riley: {
    "values.complexity": "Asked for help early on the deploy tooling instead of guessing, and wrote down what I learned.",
    "values.influence": "Pair with Jordan every week; started reviewing other people's pull requests in my second month.",
    "values.multiplier": "Wrote the onboarding notes I wished I had had; the next hire used them.",
    "technical.complexity": "Took the deploy tooling's rollback command from a script to a tested tool.",
    "technical.influence": "Fixed two bugs in the shared CI config that other teams had reported.",
    "technical.multiplier": "The rollback tool is used by the whole Platform rotation.",
    "leadership.complexity": "Ran my first incident as the on-call engineer, with Jordan shadowing.",
    "leadership.influence": "Presented the rollback tool at the Platform demo day.",
    "leadership.multiplier": "Helped the next new joiner set up their environment.",
  },
};

export function demoCaseText(who: string, cellKey: string, cellName: string): string {
  return TEXTS[who]?.[cellKey] ?? `${cellName}: what this person did this year at the target level.`;
}
