import type { Rating } from "@/lib/domain/enums";
import { RATINGS } from "@/lib/domain/enums";
import { ratingLabel } from "@/lib/reviews/self-assessment";

export type HistoryPoint = { cycleName: string; value: Rating | null };
export type HistorySeries = { id: string; label: string; points: HistoryPoint[] };

const W = 320;
const H = 120;
const PAD = { left: 78, right: 12, top: 10, bottom: 24 };

/*
 * One cell's manager ratings across cycles as a small line chart (SVG drawn on
 * the server). The table beside it carries the same numbers for screen
 * readers, so the chart itself is a described image.
 */
export function HistoryChart({ title, cycles, series }: { title: string; cycles: string[]; series: HistorySeries }) {
  const x = (i: number) => PAD.left + (cycles.length <= 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (cycles.length - 1));
  const y = (rating: Rating) => PAD.top + ((RATINGS.length - 1 - RATINGS.indexOf(rating)) * (H - PAD.top - PAD.bottom)) / (RATINGS.length - 1);
  const points = series.points.map((p, i) => (p.value ? { x: x(i), y: y(p.value), p } : null)).filter((p) => p !== null);
  const description = series.points.map((p) => `${p.cycleName}: ${ratingLabel(p.value)}`).join("; ");
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-sm" role="img" aria-label={`${title}. ${description}`}>
      {RATINGS.map((r) => (
        <g key={r}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(r)} y2={y(r)} className="stroke-stone-200" />
          <text x={PAD.left - 6} y={y(r) + 4} textAnchor="end" className="fill-stone-600 text-[10px]">
            {ratingLabel(r)}
          </text>
        </g>
      ))}
      {cycles.map((c, i) => (
        <text key={c} x={x(i)} y={H - 6} textAnchor="middle" className="fill-stone-600 text-[10px]">
          {c}
        </text>
      ))}
      {points.length > 1 ? <polyline points={points.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" className="stroke-brand-700" strokeWidth={2} /> : null}
      {points.map((p) => (
        <circle key={p.p.cycleName} cx={p.x} cy={p.y} r={4} className="fill-brand-700" />
      ))}
    </svg>
  );
}
