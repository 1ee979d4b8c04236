import type { IndexRecord } from '../shared/postmortem';
import type { Breakdown, JqlCount, MonthPoint, Ratio } from '../shared/report';

export const ratio = (numerator: JqlCount, denominator: JqlCount): Ratio => ({
  numerator,
  denominator,
  value: denominator.count > 0 ? numerator.count / denominator.count : null,
});

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : Math.round((((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2) * 10) / 10;
}

export interface IncidentFacts {
  key: string;
  created: number;
  index: IndexRecord;
}

/** The last 12 calendar months (UTC), oldest first, ending with the month of `now`. */
export function lastMonths(now: number, n = 12): string[] {
  const d = new Date(now);
  return Array.from({ length: n }, (_, i) =>
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (n - 1 - i), 1)).toISOString().slice(0, 7),
  );
}

/** Monthly repeat rate and response times, by the month each incident was created. */
export function monthlyTrend(incidents: IncidentFacts[], now: number): MonthPoint[] {
  return lastMonths(now).map((month) => {
    const inMonth = incidents.filter((i) => new Date(i.created).toISOString().slice(0, 7) === month);
    const published = inMonth.filter((i) => i.index.status === 'published');
    const repeats = published.filter((i) => i.index.repeatOf).length;
    return {
      month,
      published: published.length,
      repeats,
      rate: published.length ? repeats / published.length : null,
      ttaMedian: median(inMonth.flatMap((i) => (i.index.ttaMinutes !== undefined ? [i.index.ttaMinutes] : []))),
      ttrMedian: median(inMonth.flatMap((i) => (i.index.ttrMinutes !== undefined ? [i.index.ttrMinutes] : []))),
    };
  });
}

function breakdown(incidents: IncidentFacts[], by: (i: IncidentFacts) => string): Breakdown[] {
  const groups = new Map<string, Breakdown>();
  for (const i of incidents) {
    const name = by(i) || '(none)';
    const g = groups.get(name) ?? { name, incidents: 0, repeats: 0, sloBudgetPct: 0, revenue: 0 };
    g.incidents += 1;
    if (i.index.repeatOf) g.repeats += 1;
    g.sloBudgetPct += i.index.sloBudgetPct ?? 0;
    g.revenue += i.index.revenueImpact ?? 0;
    groups.set(name, g);
  }
  return [...groups.values()].sort(
    (a, b) => b.incidents - a.incidents || b.repeats - a.repeats || a.name.localeCompare(b.name),
  );
}

export const byCategory = (incidents: IncidentFacts[]) => breakdown(incidents, (i) => i.index.category);
export const byService = (incidents: IncidentFacts[]) => breakdown(incidents, (i) => i.index.service);

/** Repeat chains (INC-12 -> INC-40 -> INC-77): each confirmed repeat extends the chain of the incident it repeats. */
export function repeatChains(incidents: IncidentFacts[]): string[][] {
  const next = new Map<string, string[]>();
  const repeats = new Set<string>();
  for (const i of [...incidents].sort((a, b) => a.created - b.created)) {
    if (!i.index.repeatOf) continue;
    next.set(i.index.repeatOf, [...(next.get(i.index.repeatOf) ?? []), i.key]);
    repeats.add(i.key);
  }
  const chains: string[][] = [];
  const walk = (key: string, path: string[]) => {
    const children = next.get(key) ?? [];
    if (children.length === 0) {
      if (path.length > 1) chains.push(path);
      return;
    }
    for (const c of children) walk(c, [...path, c]);
  };
  for (const root of next.keys()) if (!repeats.has(root)) walk(root, [root]);
  return chains.sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? '')).slice(0, 10);
}

/** Words that say nothing on their own in a list of themes ("late", "missing"). */
const THEME_STOP = new Set([
  'late',
  'low',
  'high',
  'set',
  'slow',
  'missing',
  'still',
  'too',
  'fired',
  'took',
  'made',
  'need',
  'one',
  'two',
]);

/** Words that recur in contributing factors across post-mortems (counted once per post-mortem). */
export function recurringThemes(incidents: IncidentFacts[], min = 2): { term: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const i of incidents)
    for (const t of new Set(i.index.factorTerms)) if (!THEME_STOP.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .filter(([, c]) => c >= min)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 15)
    .map(([term, count]) => ({ term, count }));
}

/** Parking-lot ideas that came back in several post-mortems: they gain weight each time. */
export function recurringIdeas(incidents: IncidentFacts[], min = 2): { idea: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const i of incidents)
    for (const idea of new Set(i.index.parkingIdeas)) counts.set(idea, (counts.get(idea) ?? 0) + 1);
  return [...counts]
    .filter(([, c]) => c >= min)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 15)
    .map(([idea, count]) => ({ idea, count }));
}
