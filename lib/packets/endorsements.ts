import type { EndorsementRequestStatus, EndorsementStance, PacketStatus } from "@/lib/domain/enums";
import { isOpenPacket } from "./flow";

/*
 * Endorsement rules, pure. Who may be asked: any active colleague but the
 * author and the author's managers (they rate the packet themselves; an
 * endorsement is a peer's word, and a manager's would count twice). The
 * committee's members may be asked: their endorsement is shown to the other
 * members with their name on it.
 * An answer is tied to the words it was given to: each packet cell counts
 * changes to its case (text_version), and an answer given to an earlier
 * count is shown as given to an earlier version, with those words.
 */
export type Candidate = { id: string; name: string; active: boolean };

export function whyNotAskable(candidate: Candidate, authorId: string, managerChain: readonly string[]): string | null {
  if (candidate.id === authorId) return "You cannot endorse your own packet";
  if (!candidate.active) return `${candidate.name} is no longer active`;
  if (managerChain.includes(candidate.id)) return `${candidate.name} is one of your managers: managers rate the packet themselves`;
  return null;
}

export type Freshness = "current" | "earlier";
export const answerFreshness = (givenToVersion: number, currentVersion: number): Freshness => (givenToVersion < currentVersion ? "earlier" : "current");

/* A request as its lists show it: answered and declined are final words; pending waits only while the packet is open. */
export type RequestState = EndorsementRequestStatus | "closed";
export function requestState(status: EndorsementRequestStatus, packetStatus: PacketStatus): RequestState {
  return status === "pending" && !isOpenPacket(packetStatus) ? "closed" : status;
}

export const REQUEST_STATE_LABEL: Record<RequestState, string> = {
  pending: "Waiting for an answer",
  answered: "Answered",
  declined: "Declined",
  cancelled: "Cancelled",
  closed: "Not answered before the packet closed",
};

export const STANCE_LABEL: Record<EndorsementStance, string> = { endorse: "Endorsed", question: "Questioned" };

/* What the author hears when an answer arrives: how many cells each way, or that it was declined. */
export function answerSummary(answers: { stance: EndorsementStance | null }[]): string {
  const endorsed = answers.filter((a) => a.stance === "endorse").length;
  const questioned = answers.filter((a) => a.stance === "question").length;
  const cells = (n: number) => `${n} ${n === 1 ? "cell" : "cells"}`;
  return [endorsed ? `endorsed ${cells(endorsed)}` : "", questioned ? `questioned ${cells(questioned)}` : ""].filter(Boolean).join(" and ") || "answered no cell";
}

export type AnswerInput = { cell: string; stance: EndorsementStance | null; comment: string; reconfirm?: boolean };

/* The answer's own checks: at least one cell answered, and a question always says what is in doubt. */
export function answerProblems(answers: AnswerInput[]): { fieldErrors: Record<string, string[]>; message?: string } | null {
  const fieldErrors: Record<string, string[]> = {};
  for (const a of answers) if (a.stance === "question" && !a.comment.trim()) fieldErrors[a.cell] = ["Say what you question about this claim"];
  if (Object.keys(fieldErrors).length) return { fieldErrors };
  if (!answers.some((a) => a.stance)) return { fieldErrors: {}, message: "Endorse or question at least one cell, or decline the request." };
  return null;
}
