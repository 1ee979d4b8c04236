import type { IndexRecord } from '../shared/postmortem';
import type { Breakdown, JqlCount, MonthPoint, Ratio } from '../shared/report';
import { recurringPhrases } from './phrases';
import { lastMonths, localMonth } from './zone';

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

/** Monthly repeat rate and response times over the 12 calendar months ending with `now`'s month, site zone. */
export function monthlyTrend(incidents: IncidentFacts[], now: number, timeZone: string): MonthPoint[] {
  const byMonth = new Map<string, IncidentFacts[]>();
  for (const i of incidents) {
    const m = localMonth(i.created, timeZone);
    byMonth.set(m, [...(byMonth.get(m) ?? []), i]);
  }
  return lastMonths(now, timeZone).map((month) => {
    const inMonth = byMonth.get(month) ?? [];
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
    const g = groups.get(name) ?? { name, incidents: 0, repeats: 0, sloBudgetPct: 0, revenue: [] };
    g.incidents += 1;
    if (i.index.repeatOf) g.repeats += 1;
    g.sloBudgetPct += i.index.sloBudgetPct ?? 0;
    if (i.index.revenueImpact) {
      // Never add different currencies: one sum per currency ("?" for values saved before the currency was kept).
      const currency = i.index.revenueCurrency ?? '?';
      const r = g.revenue.find((x) => x.currency === currency);
      if (r) r.amount += i.index.revenueImpact;
      else g.revenue.push({ currency, amount: i.index.revenueImpact });
    }
    groups.set(name, g);
  }
  for (const g of groups.values())
    g.revenue.sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
  return [...groups.values()].sort(
    (a, b) => b.incidents - a.incidents || b.repeats - a.repeats || a.name.localeCompare(b.name),
  );
}

export const byCategory = (incidents: IncidentFacts[]) => breakdown(incidents, (i) => i.index.category);
export const byService = (incidents: IncidentFacts[]) => breakdown(incidents, (i) => i.index.service);

/**
 * Repeat chains (INC-12 -> INC-40 -> INC-77): each confirmed repeat extends the chain of the incident it repeats.
 * A link to an incident that is not earlier (saved before the app checked it) is ignored, so chains run forward
 * in time and cannot loop.
 */
export function repeatChains(incidents: IncidentFacts[]): string[][] {
  const next = new Map<string, string[]>();
  const repeats = new Set<string>();
  const created = new Map(incidents.map((i) => [i.key, i.created]));
  for (const i of [...incidents].sort((a, b) => a.created - b.created)) {
    if (!i.index.repeatOf) continue;
    const earlier = created.get(i.index.repeatOf);
    if (earlier !== undefined && earlier >= i.created) continue;
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

/** Contributing-factor phrases (2-3 words) that recur across post-mortems, in the words people wrote. */
export const recurringThemes = (incidents: IncidentFacts[], min = 2) =>
  recurringPhrases(
    incidents.map((i) => i.index.factorPhrases),
    min,
  );

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
