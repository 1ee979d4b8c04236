import { actionFigures, FIGURE_DEFINITIONS, reportWindow, type ActionFigures } from '../domain/report-definitions';
import { reportJql, type ReportJql } from '../domain/report-jql';
import { ratio } from '../domain/report-math';
import { approximateCount, searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { JqlCount, ReportFilters, ReportHeadlineAnswer, WindowInfo } from '../shared/report';
import type { KeyValueStore } from '../storage/kvs';
import { countAll } from './concurrency';
import { explainRefusals, requireIncidentProject } from './project-access';
import { readIndexLag, searchTicketFacts } from './report-facts';
import { reportZones, type ReportZones } from './report-zones';
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

/** The figures of the window's action tickets, each with a JQL that counts exactly its tickets. */
export function actionCounts(q: ReportJql, a: ActionFigures) {
  const c = (keys: string[], jql: string): JqlCount => ({ count: keys.length, jql });
  const d = a.dropped;
  const states = {
    done: c(a.done, q.done(d)),
    openNotDue: c(a.openNotDue, q.openNotDue(d)),
    overdue: c(a.overdue, q.overdue(d)),
    noDueDate: c(a.noDueDate, q.noDueDate(d)),
    dropped: c(a.dropped, q.dropped(d)),
  };
  return {
    states,
    all: c(a.all, q.actions),
    onTime: c(a.onTime, q.onTime(d, a.flagMissingOnTime, a.flagWrongOnTime)),
    onTimeBase: c(a.onTimeBase, q.onTimeBase(d)),
  };
}

/** The headline figures: a handful of counts plus one search of the window's action tickets. */
export async function reportHeadline(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  filters: ReportFilters,
  now: number,
): Promise<ReportHeadlineAnswer> {
  const [project, zones, settings, outcomes, indexLag] = await Promise.all([
    requireIncidentProject(jira, projectKey),
    reportZones(jira),
    projectSettings(kvs, projectKey),
    readOutcomes(kvs, projectKey),
    readIndexLag(kvs, projectKey),
  ]);
  const { q, window } = await explainRefusals(jira, projectKey, reportScope(jira, projectKey, filters, now, zones));
  const w = reportWindow(now, filters.windowDays, zones.site);
  const queries = [q.incidents, q.unpublished, q.published(), q.repeats(), q.repeatsWhileOpen];
  const [counts, tickets] = await explainRefusals(
    jira,
    projectKey,
    Promise.all([
      countAll(queries, REPORT_CONCURRENCY, (j) => approximateCount(jira, j)),
      searchTicketFacts(jira, q.actions, outcomes),
    ]),
  );
  const n = (jql: string): JqlCount => ({ jql, count: counts.get(jql) ?? 0 });
  const a = actionFigures(tickets, w);
  const ac = actionCounts(q, a);
  return {
    project: { key: project.key, name: project.name },
    filters,
    headline: {
      incidents: n(q.incidents),
      unpublished: n(q.unpublished),
      completion: ratio(ac.states.done, ac.all),
      onTime: ratio(ac.onTime, ac.onTimeBase),
      repeatRate: ratio(n(q.repeats()), n(q.published())),
      repeatsWhileOpen: n(q.repeatsWhileOpen),
      overdue: ac.states.overdue,
      actions: ac.states,
      unjudged: a.unjudged,
    },
    categories: settings.categories,
    generatedAt: new Date(now).toISOString(),
    window,
    definitions: { ...FIGURE_DEFINITIONS },
    indexLag,
  };
}
