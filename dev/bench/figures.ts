import type { Breakdown, MonthPoint, ReportDetailsAnswer, ReportHeadlineAnswer } from '../../src/shared/report';

/** Every figure the report shows, in a form two implementations can be compared on. */
export interface BenchFigures {
  headline: {
    incidents: number;
    completion: number | null;
    onTime: number | null;
    repeatRate: number | null;
    repeatsWhileOpen: number;
    overdue: number;
  };
  byPriority: (number | null)[];
  rolling: (number | null)[];
  trend: MonthPoint[];
  categories: Breakdown[];
  services: Breakdown[];
  chains: string[][];
  themes: { phrase: string; count: number }[];
  parkingIdeas: { idea: string; count: number }[];
}

export function appFigures(h: ReportHeadlineAnswer, d: ReportDetailsAnswer): BenchFigures {
  const x = d.details;
  return {
    headline: {
      incidents: h.headline.incidents.count,
      completion: h.headline.completion.value,
      onTime: h.headline.onTime.value,
      repeatRate: h.headline.repeatRate.value,
      repeatsWhileOpen: h.headline.repeatsWhileOpen.count,
      overdue: h.headline.overdue.count,
    },
    byPriority: x.byPriority.map((p) => p.completion.value),
    rolling: x.rolling.map((r) => r.rate.value),
    trend: x.trend,
    categories: x.categories,
    services: x.services,
    chains: x.chains,
    themes: x.themes,
    parkingIdeas: x.parkingIdeas,
  };
}

/** The figures on which two reports disagree, each named with both values; empty when they agree. */
export function differences(app: BenchFigures, other: BenchFigures, otherName: string): string[] {
  const out: string[] = [];
  const walk = (path: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const am = new Map(Object.entries(a));
      const bm = new Map(Object.entries(b));
      for (const k of new Set([...am.keys(), ...bm.keys()])) walk(`${path}.${k}`, am.get(k), bm.get(k));
      return;
    }
    out.push(`${path}: app ${JSON.stringify(a)} vs ${otherName} ${JSON.stringify(b)}`);
  };
  walk('figures', app, other);
  return out;
}

/** The figures that rest on the post-mortem history (trend and patterns): a first view may not have them yet. */
export function historyFigures(f: BenchFigures): Partial<BenchFigures> {
  return {
    trend: f.trend,
    categories: f.categories,
    services: f.services,
    chains: f.chains,
    themes: f.themes,
    parkingIdeas: f.parkingIdeas,
  };
}
