import { FIGURE_DEFINITIONS, reportWindow } from '../domain/report-definitions';
import { reportJql, type ReportJql } from '../domain/report-jql';
import { ratio } from '../domain/report-math';
import { approximateCount, searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { JqlCount, ReportFilters, ReportHeadlineAnswer, WindowInfo } from '../shared/report';
import type { KeyValueStore } from '../storage/kvs';
import { afterSends, countAll } from './concurrency';
import { explainRefusals, requireIncidentProject } from './project-access';
import { readIndexLag } from './report-facts';
import { withSiteFacts } from './report-site';
import { ticketCounts } from './report-tickets';
import type { ReportZones } from './report-zones';
import { readOutcomes } from './review';
import { projectSettings } from './settings';

/** Jira's burst limit is about 10 requests at once: stay under it. */
export const REPORT_CONCURRENCY = 8;

/** The zones, the window and every JQL of the report for these filters (one extra search when filtered). */
export async function reportScope(
  jira: JiraTransport,
  projectKey: string,
  filters: ReportFilters,
  now: number,
  zones: ReportZones,
): Promise<{ q: ReportJql; window: WindowInfo }> {
  const w = reportWindow(now, filters.windowDays, zones.site);
  const scope = { window: w, userZone: zones.user, incidentKeys: null };
  let q = reportJql(projectKey, filters, scope);
  if (filters.service || filters.category) {
    // Tickets follow their incident's current service and category: find those incidents first.
    const incidents = await searchAll(jira, q.filteredIncidents, { fields: ['id'], maxResults: 5000 });
    q = reportJql(projectKey, filters, { ...scope, incidentKeys: incidents.map((i) => i.key).sort() });
  }
  return {
    q,
    window: { days: w.days, from: w.from, today: w.today, timeZone: w.timeZone, zoneSource: zones.source },
  };
}

/** The headline figures: one round of counts (plus a few small searches), whatever the number of incidents. */
export async function reportHeadline(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  filters: ReportFilters,
  now: number,
  accountId?: string,
): Promise<ReportHeadlineAnswer> {
  const outcomes = readOutcomes(kvs, projectKey);
  // Awaited inside the counts below; a storage failure before then must not count as unhandled.
  outcomes.catch(() => undefined);
  const counted = withSiteFacts(jira, kvs, accountId, async (site) => {
    const scope = await explainRefusals(jira, projectKey, reportScope(jira, projectKey, filters, now, site.zones));
    const w = reportWindow(now, filters.windowDays, site.zones.site);
    const q = scope.q;
    const queries = [q.incidents, q.unpublished, q.published(), q.repeats(), q.repeatsWhileOpen];
    const [counts, tickets] = await explainRefusals(
      jira,
      projectKey,
      Promise.all([
        countAll(queries, queries.length, (j) => approximateCount(jira, j)),
        ticketCounts(jira, q, w, site.dropping, await outcomes),
      ]),
    );
    return { q, window: scope.window, counts, tickets };
  });
  // Awaited below; a refusal of the counts must not count as unhandled while the project check runs.
  counted.catch(() => undefined);
  // The project check is quick: sent once the counts have left (see afterSends).
  await afterSends();
  const [project, settings, indexLag, figures] = await Promise.all([
    requireIncidentProject(jira, projectKey),
    projectSettings(kvs, projectKey),
    readIndexLag(kvs, projectKey),
    counted,
  ]);
  const { q, window, counts, tickets } = figures;
  const n = (jql: string): JqlCount => ({ jql, count: counts.get(jql) ?? 0 });
  return {
    project: { key: project.key, name: project.name },
    filters,
    headline: {
      incidents: n(q.incidents),
      unpublished: n(q.unpublished),
      completion: ratio(tickets.states.done, tickets.all),
      onTime: ratio(tickets.onTime, tickets.onTimeBase),
      repeatRate: ratio(n(q.repeats()), n(q.published())),
      repeatsWhileOpen: n(q.repeatsWhileOpen),
      overdue: tickets.states.overdue,
      actions: tickets.states,
      unjudged: tickets.unjudged,
    },
    categories: settings.categories,
    generatedAt: new Date(now).toISOString(),
    window,
    definitions: { ...FIGURE_DEFINITIONS },
    indexLag,
  };
}
