/*
 * What each event's notification says, written for its recipient. One place,
 * so the app (lib/dal/*-notifications.ts) and the demo seed word them alike.
 * Plain text: the list renders it as text and emails escape it.
 */
export type Message = { title: string; detail: string };

export type ClaimWords = { ownerName: string; item: string; amount: string; category: string };

export const claimMessages = {
  filed: (c: ClaimWords & { overBalance: boolean }): Message => ({
    title: `${c.ownerName} filed a stipend claim: ${c.item}`,
    detail: `${c.amount} · ${c.category}${c.overBalance ? " · over the remaining balance, flagged for an exception" : ""}`,
  }),
  approved: (c: ClaimWords, actor: string, reason: string): Message => ({
    title: `${actor} approved your claim: ${c.item}`,
    detail: reason.trim() ? `${c.amount}. ${reason.trim()}` : `${c.amount}. An admin will mark it reimbursed.`,
  }),
  toReimburse: (c: ClaimWords, actor: string): Message => ({
    title: `${c.ownerName}'s claim is approved and ready to reimburse: ${c.item}`,
    detail: `${c.amount} · ${c.category} · approved by ${actor}`,
  }),
  rejected: (c: ClaimWords, actor: string, reason: string): Message => ({ title: `${actor} rejected your claim: ${c.item}`, detail: `Reason: ${reason.trim()}` }),
  reimbursed: (c: ClaimWords, actor: string): Message => ({ title: `Your claim was reimbursed: ${c.item}`, detail: `${c.amount}, marked reimbursed by ${actor}.` }),
};

export type ReviewWords = { personName: string; managerName: string | null; cycleName: string };

export const reviewMessages = {
  selfSubmitted: (r: ReviewWords): Message => ({ title: `${r.personName} submitted their self-assessment for ${r.cycleName}`, detail: "Their ratings and evidence are ready to read beside your review." }),
  shared: (r: ReviewWords): Message => ({ title: `${r.managerName ?? "Your manager"} shared your review for ${r.cycleName}`, detail: "Read it, add a response if you like, and acknowledge it." }),
  acknowledged: (r: ReviewWords, response: string): Message => ({ title: `${r.personName} acknowledged their review for ${r.cycleName}`, detail: response.trim() ? "They wrote a response." : "No response written." }),
};

export type PacketWords = { authorName: string; actorName: string; note: string };

export const packetMessages = {
  started: (p: PacketWords): Message => ({ title: `${p.actorName} started a promotion packet for you`, detail: "Write your case for each cell, then submit it to your manager." }),
  submitted: (p: PacketWords): Message => ({ title: `${p.authorName} submitted their promotion packet`, detail: p.note.trim() || "Rate each cell against the target level, then endorse it or return it with feedback." }),
  returned: (p: PacketWords): Message => ({ title: `${p.actorName} returned your promotion packet with feedback`, detail: p.note.trim() }),
  endorsed: (p: PacketWords): Message => ({ title: `${p.actorName} endorsed your promotion packet`, detail: p.note.trim() || "It is ready for the promotion committee." }),
  withdrawnByAuthor: (p: PacketWords): Message => ({ title: `${p.authorName} withdrew their promotion packet`, detail: p.note.trim() }),
  withdrawnForAuthor: (p: PacketWords): Message => ({ title: `${p.actorName} withdrew your promotion packet`, detail: p.note.trim() }),
};

/* The committee's part: told with the words on the packet's timeline (for a decision: the level, the date and the reasons). */
export const committeeMessages = {
  inCommittee: (p: PacketWords): Message => ({ title: `${p.authorName}'s promotion packet is with the committee`, detail: `Endorsed by ${p.actorName}. Read the case and record your vote.` }),
  approvedForAuthor: (p: PacketWords): Message => ({ title: "The committee approved your promotion packet", detail: p.note.trim() }),
  approvedForManager: (p: PacketWords): Message => ({ title: `The committee approved ${p.authorName}'s promotion packet`, detail: p.note.trim() }),
  declinedForAuthor: (p: PacketWords): Message => ({ title: "The committee declined your promotion packet", detail: `What is missing is beside each cell it concerns. ${p.note.trim()}`.trim() }),
  declinedForManager: (p: PacketWords): Message => ({ title: `The committee declined ${p.authorName}'s promotion packet`, detail: `What is missing is beside each cell it concerns. ${p.note.trim()}`.trim() }),
  reopened: (p: PacketWords): Message => ({ title: `${p.actorName} reopened ${p.actorName === p.authorName ? "their" : `${p.authorName}'s`} declined promotion packet as a new draft`, detail: "It starts from the declined packet's case, with what was missing beside each cell." }),
};

export type EndorsementWords = { authorName: string; endorserName: string; cells: number; message: string };

export const endorsementMessages = {
  requested: (e: EndorsementWords): Message => ({
    title: `${e.authorName} asked you to endorse their promotion packet`,
    detail: `${e.cells} ${e.cells === 1 ? "claim" : "claims"} to endorse or question.${e.message.trim() ? ` ${e.message.trim()}` : ""}`,
  }),
  answered: (e: EndorsementWords, summary: string): Message => ({ title: `${e.endorserName} answered your endorsement request`, detail: `${e.endorserName} ${summary}.` }),
  declined: (e: EndorsementWords, reason: string): Message => ({ title: `${e.endorserName} declined your endorsement request`, detail: reason.trim() || "No reason given." }),
};
