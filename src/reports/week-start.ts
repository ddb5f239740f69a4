/** The Monday (UTC) of the ISO week holding `iso`, as YYYY-MM-DD: the bucket of the weekly charts. */
export function weekStart(iso: string): string {
  const d = new Date(iso);
  const day = d.getUTCDay(); // 0 = Sunday
  const back = (day + 6) % 7;
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back));
  return monday.toISOString().slice(0, 10);
}

/** Every week start from the week of `fromIso` to the week of `toIso`, inclusive. */
export function weeksBetween(fromIso: string, toIso: string): string[] {
  const out: string[] = [];
  const last = weekStart(toIso);
  for (let w = weekStart(fromIso); w <= last; ) {
    out.push(w);
    w = new Date(Date.parse(`${w}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  }
  return out;
}
