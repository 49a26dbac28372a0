import { DataTable, TableHead } from "@/components/ui/table";
import Link from "next/link";
import type { ClaimStatus } from "@/lib/domain/enums";
import { formatDate } from "@/lib/format";
import { Money } from "./money";
import { OverBalanceBadge, StatusBadge } from "./status-badge";

export type ClaimRow = {
  id: string;
  personName: string;
  team: string;
  purchaseDate: string;
  item: string;
  category: string;
  amountChargedMinor: number;
  status: ClaimStatus;
  overBalance: boolean;
};

/* Other people's claims: who, what, how much, where it stands; each row opens the claim. */
export function ClaimsTable({ caption, claims, currencyFor }: { caption: string; claims: ClaimRow[]; currencyFor: (claim: ClaimRow) => string }) {
  return (
    <DataTable caption={caption}>
        <TableHead columns={["Person", "Item", "Category", "Purchased", { label: "Charged", align: "right" }, "Status"]} />
        <tbody className="divide-y divide-stone-200">
          {claims.map((c) => (
            <tr key={c.id}>
              <td className="px-5 py-3">
                <p className="font-medium text-stone-900">{c.personName}</p>
                <p className="text-xs text-stone-600">{c.team}</p>
              </td>
              <td className="px-3 py-3">
                <Link href={`/stipend/claims/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.item}
                </Link>
              </td>
              <td className="px-3 py-3 text-stone-700">{c.category}</td>
              <td className="whitespace-nowrap px-3 py-3 text-stone-700">{formatDate(c.purchaseDate)}</td>
              <td className="whitespace-nowrap px-3 py-3 text-right">
                <Money minor={c.amountChargedMinor} currency={currencyFor(c)} />
              </td>
              <td className="px-5 py-3">
                <div className="flex flex-wrap gap-1">
                  <StatusBadge status={c.status} />
                  {c.overBalance ? <OverBalanceBadge /> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
    </DataTable>
  );
}
