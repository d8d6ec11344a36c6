import { formatDate } from "@/lib/validation/dates";

/** A round as a choice in a select: its name and period. */
export function roundOptions(rounds: readonly { id: string; name: string; startsOn: Date; endsOn: Date }[]) {
  return rounds.map((r) => ({ value: r.id, label: `${r.name} (${formatDate(r.startsOn)} – ${formatDate(r.endsOn)})` }));
}
