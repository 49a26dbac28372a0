import { Badge } from "@/components/ui/card";
import type { ClaimStatus } from "@/lib/domain/enums";
import { STATUS_LABELS } from "@/lib/stipend/claim-rules";

const tones = { pending: "amber", approved: "blue", rejected: "red", reimbursed: "brand", withdrawn: "neutral" } as const;

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <Badge tone={tones[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function OverBalanceBadge() {
  return <Badge tone="red">Over balance: exception</Badge>;
}
