import { ACTION_PROPERTY, INDEX_PROPERTY } from '../../src/domain/jira-names';
import { jql } from '../../src/domain/jql';
import {
  byCategory,
  byService,
  monthlyTrend,
  recurringIdeas,
  recurringThemes,
  repeatChains,
  type IncidentFacts,
} from '../../src/domain/report-math';
import { searchAll } from '../../src/jira/search';
import type { JiraTransport } from '../../src/jira/transport';
import { actionFigures, reportWindow } from '../../src/domain/report-definitions';
import { lastMonths, startOfMonth } from '../../src/domain/zone';
import { incidentFacts, ticketFacts } from '../../src/services/report-facts';
import { reportZones } from '../../src/services/report-zones';
import type { ReportFilters } from '../../src/shared/report';
import type { BenchFigures } from './figures';

const DAY = 86_400_000;

/** The baseline's two listings; `spanDays` covers the trend's 12 calendar months and the window, with a margin. */
export const baselineQueries = (projectKey: string, f: ReportFilters, spanDays = Math.max(366, f.windowDays) + 33) => ({
  incidents: `${jql.incidents(projectKey)} AND created >= -${spanDays}d`,
  windowTickets: `${jql.actionTickets(projectKey)} AND created >= -${f.windowDays + 2}d`,
});
const share = (num: number, den: number) => (den > 0 ? num / den : null);

/**
 * The report as a competent developer would write it without the app's tricks: three listings in parallel
 * (the incidents of the trend's span, the window's action tickets, the open action tickets), pages of 5,000,
 * only the fields and properties the figures need, every figure computed in memory. Independent of
 * src/services/report.ts on purpose: the bench checks that both give the same figures.
 */
export async function baselineReport(
  jira: JiraTransport,
  projectKey: string,
  f: ReportFilters,
  now: number,
): Promise<BenchFigures> {
  // The figures' definitions are src/domain/report-definitions.ts: days and months in the site's zone.
  const zone = (await reportZones(jira)).site;
  const w = reportWindow(now, f.windowDays, zone);
  const trendStart = startOfMonth(lastMonths(now, zone)[0] ?? '', zone);
  const spanStart = Math.min(trendStart, w.start);
  const spanDays = Math.ceil((now - spanStart) / DAY) + 2;
  const [incidents, windowTickets] = await Promise.all([
    searchAll(jira, baselineQueries(projectKey, f, spanDays).incidents, {
      fields: ['created'],
      properties: [INDEX_PROPERTY],
      maxResults: 5000,
    }),
    searchAll(jira, baselineQueries(projectKey, f, spanDays).windowTickets, {
      fields: ['created', 'status', 'resolution', 'resolutiondate', 'duedate'],
      properties: [ACTION_PROPERTY],
      maxResults: 5000,
    }),
  ]);
  const matches = (p: { service?: string; category?: string }) =>
    (!f.service || p.service === f.service) && (!f.category || p.category === f.category);
  const all = incidentFacts(incidents).filter((i) => i.created >= spanStart && matches(i.index));
  const facts: IncidentFacts[] = all.filter((i) => i.index.status === 'published');
  const keys = new Set(all.map((i) => i.key));
  const since = (days: number) => reportWindow(now, days, zone).start;
  const published = (days: number) => facts.filter((i) => i.created >= since(days));
  const repeats = (days: number) => published(days).filter((i) => i.index.repeatOf);
  const tickets = windowTickets
    .flatMap((t) => ticketFacts(t, new Map()) ?? [])
    .filter((t) => !(f.service || f.category) || keys.has(t.incident));
  const a = actionFigures(tickets, w);
  const inWindowFacts = facts.filter((i) => i.created >= w.start);
  return {
    headline: {
      incidents: all.filter((i) => i.created >= w.start).length + incidentsWithoutIndex(incidents, w.start),
      completion: share(a.done.length, a.all.length),
      onTime: share(a.onTime.length, a.onTimeBase.length),
      repeatRate: share(repeats(f.windowDays).length, published(f.windowDays).length),
      repeatsWhileOpen: repeats(f.windowDays).filter((i) => i.index.repeatWhileOpen === 1).length,
      overdue: a.overdue.length,
    },
    byPriority: (['P1', 'P2', 'P3'] as const).map((p) => {
      const mine = actionFigures(
        tickets.filter((t) => t.priority === p),
        w,
      );
      return share(mine.done.length, mine.all.length);
    }),
    rolling: ([30, 90, 180] as const).map((d) => share(repeats(d).length, published(d).length)),
    trend: monthlyTrend(facts, now, zone),
    categories: byCategory(inWindowFacts),
    services: byService(inWindowFacts),
    chains: repeatChains(facts),
    themes: recurringThemes(inWindowFacts),
    parkingIdeas: recurringIdeas(inWindowFacts),
  };
}

/** Incidents of the window without a post-mortem index yet (counted as incidents, not in any pattern). */
function incidentsWithoutIndex(
  issues: { properties?: Record<string, unknown>; fields?: { created?: string } }[],
  start: number,
) {
  return issues.filter(
    (i) => i.properties?.[INDEX_PROPERTY] === undefined && Date.parse(i.fields?.created ?? '') >= start,
  ).length;
}
