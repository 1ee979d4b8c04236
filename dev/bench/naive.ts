import { actionFigures, reportWindow } from '../../src/domain/report-definitions';
import { byCategory, byService, monthlyTrend, ratio } from '../../src/domain/report-math';
import { ACTION_PROPERTY, INDEX_PROPERTY } from '../../src/domain/jira-names';
import { jql } from '../../src/domain/jql';
import { lastMonths, startOfMonth } from '../../src/domain/zone';
import { searchAll } from '../../src/jira/search';
import type { JiraTransport } from '../../src/jira/transport';
import { incidentFacts, ticketFacts } from '../../src/services/report-facts';
import { reportZones } from '../../src/services/report-zones';
import type { ReportFilters } from '../../src/shared/report';

/**
 * The naive report, for comparison: page through every incident and every action ticket with all fields
 * at maxResults=100, then compute the same figures in memory with the report's definitions (src/domain).
 * (No service/category filter and no review outcomes: the benchmark runs without them.)
 */
export async function naiveReport(jira: JiraTransport, projectKey: string, f: ReportFilters, now: number) {
  const zone = (await reportZones(jira)).site;
  const incidents = await searchAll(jira, jql.incidents(projectKey), {
    fields: ['*all'],
    properties: [INDEX_PROPERTY],
    maxResults: 100,
  });
  const tickets = await searchAll(jira, jql.actionTickets(projectKey), {
    fields: ['*all'],
    properties: [ACTION_PROPERTY],
    maxResults: 100,
  });
  const all = incidentFacts(incidents);
  const facts = all.filter((i) => i.index.status === 'published');
  const since = (days: number) => reportWindow(now, days, zone).start;
  const published = (days: number) => facts.filter((i) => i.created >= since(days));
  const repeats = (days: number) => published(days).filter((i) => i.index.repeatOf);
  const n = (count: number) => ({ count, jql: '' });
  const w = reportWindow(now, f.windowDays, zone);
  const acts = tickets.flatMap((t) => ticketFacts(t, new Map()) ?? []);
  const a = actionFigures(acts, w);
  const windowStart = w.start;
  const trendStart = startOfMonth(lastMonths(now, zone)[0] ?? '', zone);
  return {
    headline: {
      incidents: incidents.filter((i) => Date.parse(i.fields?.created ?? '') >= windowStart).length,
      completion: ratio(n(a.done.length), n(a.all.length)).value,
      onTime: ratio(n(a.onTime.length), n(a.onTimeBase.length)).value,
      repeatRate: ratio(n(repeats(f.windowDays).length), n(published(f.windowDays).length)).value,
      repeatsWhileOpen: repeats(f.windowDays).filter((i) => i.index.repeatWhileOpen === 1).length,
      overdue: a.overdue.length,
    },
    byPriority: (['P1', 'P2', 'P3'] as const).map((p) => {
      const mine = actionFigures(
        acts.filter((t) => t.priority === p),
        w,
      );
      return ratio(n(mine.done.length), n(mine.all.length)).value;
    }),
    rolling: ([30, 90, 180] as const).map((d) => ratio(n(repeats(d).length), n(published(d).length)).value),
    trend: monthlyTrend(
      facts.filter((i) => i.created >= Math.min(trendStart, windowStart)),
      now,
      zone,
    ),
    categories: byCategory(facts.filter((i) => i.created >= windowStart)),
    services: byService(facts.filter((i) => i.created >= windowStart)),
  };
}
