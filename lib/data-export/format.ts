import { z } from "zod";
import { CLAIM_STATUSES, CYCLE_STATUSES, MANAGER_STATUSES, PACKET_KINDS, PACKET_RATINGS, PACKET_STATUSES, RATINGS, ROLES, SELF_STATUSES } from "@/lib/domain/enums";

/*
 * The file a person downloads with all their own data (Account → Download my
 * data), described in docs/export-format.md. Every object is strict: the DAL
 * parses what it built through this schema before handing it over, so the
 * file can never carry a field this format does not name (a private note,
 * an unshared draft), and a test validates a real export against it.
 * A change that removes or renames a field, or changes its meaning, raises
 * EXPORT_FORMAT_VERSION; adding a field does not.
 */
export const EXPORT_FORMAT_VERSION = 1;

const isoDate = z.iso.date();
const instant = z.iso.datetime();
const level = z.strictObject({ key: z.string(), label: z.string() });
/* A cell of the framework by its stable keys ("technical.complexity"), with its name in the version the record was written against. */
const cellRef = z.string().regex(/^[a-z0-9_-]+\.[a-z0-9_-]+$/);
const money = z.strictObject({ minor: z.number().int(), currency: z.string().length(3) });

const person = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  team: z.string(),
  startDate: isoDate,
  active: z.boolean(),
  track: z.strictObject({ key: z.string(), name: z.string().nullable() }),
  level,
  manager: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
});

const levelChange = z.strictObject({ effectiveDate: isoDate, track: z.string().nullable(), level, reason: z.string(), recordedBy: z.string().nullable() });

const evidenceEntry = z.strictObject({
  id: z.string(),
  title: z.string(),
  occurredOn: isoDate,
  description: z.string(),
  links: z.array(z.string()),
  cells: z.array(cellRef),
  /* Taken out of the log by its author, kept because a submitted review or a packet cites it. */
  removedFromLog: z.boolean(),
});

const review = z.strictObject({
  id: z.string(),
  cycle: z.strictObject({ name: z.string(), status: z.enum(CYCLE_STATUSES) }),
  frameworkVersion: z.number().int(),
  level: z.string(),
  selfAssessment: z.strictObject({
    status: z.enum(SELF_STATUSES),
    cells: z.array(z.strictObject({ cell: cellRef, name: z.string(), rating: z.enum(RATINGS).nullable(), evidence: z.string(), citations: z.array(z.string()) })),
  }),
  /* Null until the manager shares it: a draft the manager is still writing is theirs, not yet the person's. */
  managerReview: z
    .strictObject({
      status: z.enum(MANAGER_STATUSES),
      author: z.string().nullable(),
      sharedAt: instant.nullable(),
      summary: z.string(),
      cells: z.array(z.strictObject({ cell: cellRef, rating: z.enum(RATINGS).nullable(), comment: z.string() })),
      response: z.string().nullable(),
      acknowledgedAt: instant.nullable(),
    })
    .nullable(),
});

const packet = z.strictObject({
  id: z.string(),
  status: z.enum(PACKET_STATUSES),
  kind: z.enum(PACKET_KINDS),
  from: level,
  target: level,
  frameworkVersion: z.number().int(),
  startedAt: instant,
  startedBy: z.string().nullable(),
  summary: z.string(),
  cells: z.array(z.strictObject({ cell: cellRef, name: z.string(), case: z.string(), citations: z.array(z.string()) })),
  /* As the person may see it: null while the packet is with the manager. */
  managerPart: z
    .strictObject({
      author: z.string().nullable(),
      cells: z.array(z.strictObject({ cell: cellRef, rating: z.enum(PACKET_RATINGS).nullable(), comment: z.string(), justification: z.string() })),
    })
    .nullable(),
  timeline: z.array(z.strictObject({ at: instant, step: z.string(), from: z.enum(PACKET_STATUSES).nullable(), to: z.enum(PACKET_STATUSES), by: z.string().nullable(), note: z.string() })),
});

const receipt = z.union([
  z.strictObject({ kind: z.literal("file"), name: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), removed: z.boolean() }),
  z.strictObject({ kind: z.literal("link"), url: z.string() }),
]);

const stipendClaim = z.strictObject({
  id: z.string(),
  year: z.number().int(),
  purchaseDate: isoDate,
  item: z.string(),
  vendor: z.string(),
  category: z.string(),
  amountPaid: money,
  amountCharged: money,
  status: z.enum(CLAIM_STATUSES),
  overBalance: z.boolean(),
  note: z.string(),
  cell: cellRef.nullable(),
  decisionReason: z.string().nullable(),
  receipt: receipt.nullable(),
  filedAt: instant,
  history: z.array(z.strictObject({ at: instant, by: z.string().nullable(), from: z.enum(CLAIM_STATUSES).nullable(), to: z.enum(CLAIM_STATUSES), reason: z.string() })),
});

export const dataExportSchema = z.strictObject({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: instant,
  person,
  levelHistory: z.array(levelChange),
  evidence: z.array(evidenceEntry),
  reviews: z.array(review),
  packets: z.array(packet),
  stipendClaims: z.array(stipendClaim),
});
export type DataExport = z.infer<typeof dataExportSchema>;
