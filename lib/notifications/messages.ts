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
