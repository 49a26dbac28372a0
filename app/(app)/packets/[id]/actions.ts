"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { orgTimeZone } from "@/lib/dal/org-settings";
import { savePacketCase, submitPacket, withdrawPacket } from "@/lib/dal/packet-case";
import { savePacketNotes } from "@/lib/dal/packet-notes";
import { endorsePacket, returnPacket, savePacketReview } from "@/lib/dal/packet-review";
import { PACKET_RATINGS } from "@/lib/domain/enums";
import { clockIn } from "@/lib/domain/org-time";
import { MAX_CELLS } from "@/lib/framework/format";
import type { Readiness } from "@/lib/packets/readiness";

/* Every action names the packet by id; the DAL loads it and asks the policy whether this viewer may do this to it. */
const packetId = z.string().min(1).max(100);
const version = z.coerce.number().int().min(0);
const text = (max: number) => z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);

const caseSchema = z.object({
  packetId,
  version,
  summary: text(20_000),
  cells: z.array(z.object({ cell: z.string().max(100), text: text(20_000), citations: z.array(z.string().max(100)).max(50) })).max(MAX_CELLS),
});

/* Autosave of the author's part, against the version this tab loaded. */
export const savePacketCaseAction = formAction<typeof caseSchema, { savedAt: string }>(caseSchema, (input, { viewer }) => {
  const result = savePacketCase(viewer, input.packetId, input.version, { summary: input.summary, cells: input.cells });
  if (!result.ok) return result;
  return { ...result, data: { savedAt: clockIn(orgTimeZone(), result.value.savedAt) } };
});

const stepSchema = (note: z.ZodType<string>) => z.object({ packetId, version, note });

export const submitPacketAction = formAction(stepSchema(text(5_000)), ({ packetId, version, note }, { viewer }) => {
  const result = submitPacket(viewer, packetId, version, note.trim());
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Submitted. Your manager can now review your packet." };
});

export const withdrawPacketAction = formAction(z.object({ packetId, reason: text(5_000) }), ({ packetId, reason }, { viewer }) => {
  const result = withdrawPacket(viewer, packetId, reason.trim());
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Withdrawn. A new packet can be started when it is time." };
});

const reviewSchema = z.object({
  packetId,
  version,
  cells: z.array(z.object({ cell: z.string().max(100), rating: z.enum(PACKET_RATINGS).nullable(), comment: text(20_000), justification: text(20_000) })).max(MAX_CELLS),
});

/* Autosave of the manager's part; hands back the readiness the server computed from what was saved. */
export const savePacketReviewAction = formAction<typeof reviewSchema, { savedAt: string; readiness: Readiness }>(reviewSchema, ({ packetId, version, cells }, { viewer }) => {
  const result = savePacketReview(viewer, packetId, version, cells);
  if (!result.ok) return result;
  return { ...result, data: { savedAt: clockIn(orgTimeZone(), result.value.savedAt), readiness: result.value.readiness } };
});

export const returnPacketAction = formAction(stepSchema(text(10_000)), ({ packetId, version, note }, { viewer }) => {
  const result = returnPacket(viewer, packetId, version, note.trim());
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Returned with your feedback." };
});

export const endorsePacketAction = formAction(stepSchema(text(10_000)), ({ packetId, version, note }, { viewer }) => {
  const result = endorsePacket(viewer, packetId, version, note.trim());
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Endorsed: the packet is ready for the committee." };
});

const notesSchema = z.object({ packetId, version, body: text(20_000) });

export const savePacketNotesAction = formAction(notesSchema, ({ packetId, version, body }, { viewer }) => {
  const result = savePacketNotes(viewer, packetId, version, body);
  if (!result.ok) return result;
  return { ...result, message: "Notes saved." };
});
