import { INDEX_PROPERTY, ACTION_PROPERTY } from '../domain/jira-names';
import {
  byCategory,
  byService,
  monthlyTrend,
  ratio,
  recurringIdeas,
  recurringThemes,
  repeatChains,
  type IncidentFacts,
} from '../domain/report-math';
import { reportJql } from '../domain/report-jql';
import { groupForReview } from '../domain/review';
import { approximateCount, searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { TicketView } from '../shared/contract';
import { IndexRecordSchema } from '../shared/postmortem';
import type { JqlCount, ReportDetailsAnswer, ReportFilters, ReportHeadlineAnswer } from '../shared/report';
import type { KeyValueStore } from '../storage/kvs';
import { countAll } from './concurrency';
import { explainRefusals, requireIncidentProject } from './project-access';
import { readLastReview, readOutcomes } from './review';
import { postmortemsByMonth } from './report-cache';
import { cachedSiteConfig, projectSettings } from './settings';
import { TICKET_FIELDS, toTicketView } from './tickets';

/** Jira's burst limit is about 10 requests at once: stay under it. */
export const REPORT_CONCURRENCY = 8;
const DAY = 86_400_000;
const PRIORITIES = ['P1', 'P2', 'P3'] as const;

/** The headline figures: one round of concurrent approximate counts, whatever the number of incidents. */
export async function reportHeadline(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  filters: ReportFilters,
  now: number,
): Promise<ReportHeadlineAnswer> {
  const q = reportJql(projectKey, filters, now);
  const queries = [
    q.incidents,
    q.published(filters.windowDays),
    q.repeats(filters.windowDays),
    q.repeatsWhileOpen,
    q.actions,
    q.done,
    q.onTime,
    q.overdue,
  ];
  const [project, counts, settings] = await explainRefusals(
    jira,
    projectKey,
    Promise.all([
      requireIncidentProject(jira, projectKey),
      countAll(queries, REPORT_CONCURRENCY, (j) => approximateCount(jira, j)),
      projectSettings(kvs, projectKey),
    ]),
  );
  const c = (jql: string): JqlCount => ({ jql, count: counts.get(jql) ?? 0 });
  return {
    project: { key: project.key, name: project.name },
    filters,
    headline: {
      incidents: c(q.incidents),
      completion: ratio(c(q.done), c(q.actions)),
      onTime: ratio(c(q.onTime), c(q.done)),
      repeatRate: ratio(c(q.repeats(filters.windowDays)), c(q.published(filters.windowDays))),
      repeatsWhileOpen: c(q.repeatsWhileOpen),
      overdue: c(q.overdue),
    },
    categories: settings.categories,
    generatedAt: new Date(now).toISOString(),
  };
}

/**
 * Everything below the headline in three searches, run together: the post-mortems of the last 12 months
 * (or the window, if longer) for the trend, rolling rates and patterns; the window's action tickets for
 * completion by priority; and the open ones for the review. Each figure still states its own JQL, and
 * counting that JQL gives the same number.
 */
export async function reportDetails(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  filters: ReportFilters,
  now: number,
): Promise<ReportDetailsAnswer> {
  const q = reportJql(projectKey, filters, now);
  const span = Math.max(365, filters.windowDays);
  const [outcomes, config, lastReviewAt] = await Promise.all([
    readOutcomes(kvs, projectKey),
    cachedSiteConfig(kvs),
    readLastReview(kvs, projectKey, now),
  ]);
  const priorityQueries = PRIORITIES.flatMap((p) => [q.priorityAll(p), q.priorityDone(p)]);
  const [incidents, priorityCounts, reviewTickets] = await explainRefusals(
    jira,
    projectKey,
    Promise.all([
      // Closed months come from app storage (report-cache.ts): a view reads live only the recent and oldest days.
      postmortemsByMonth(jira, kvs, projectKey, q.patterns(span), span, now, {
        fields: ['created'],
        properties: [INDEX_PROPERTY],
      }),
      // Completion by priority is six counts, not a listing of the window's action tickets.
      countAll(priorityQueries, REPORT_CONCURRENCY, (j) => approximateCount(jira, j)),
      searchAll(jira, q.review(lastReviewAt), {
        fields: TICKET_FIELDS,
        properties: [ACTION_PROPERTY],
        maxResults: 500,
        limit: 500,
      }),
    ]),
  );
  const facts: IncidentFacts[] = incidents.flatMap((i) => {
    const index = IndexRecordSchema.safeParse(i.properties?.[INDEX_PROPERTY]);
    const created = Date.parse(i.fields?.created ?? '');
    return index.success && Number.isFinite(created) ? [{ key: i.key, created, index: index.data }] : [];
  });
  const within = (days: number) => facts.filter((i) => i.created >= now - days * DAY);
  const published = (days: number) => within(days).filter((i) => i.index.status === 'published');
  const rolling = ([30, 90, 180] as const).map((days) => {
    const p = published(days);
    return {
      days,
      rate: ratio(
        { count: p.filter((i) => i.index.repeatOf).length, jql: q.repeats(days) },
        { count: p.length, jql: q.published(days) },
      ),
    };
  });
  const byPriority = PRIORITIES.map((p) => ({
    priority: p,
    completion: ratio(
      { count: priorityCounts.get(q.priorityDone(p)) ?? 0, jql: q.priorityDone(p) },
      { count: priorityCounts.get(q.priorityAll(p)) ?? 0, jql: q.priorityAll(p) },
    ),
  }));
  const today = new Date(now).toISOString().slice(0, 10);
  const views = reviewTickets
    .map((t) => toTicketView(t, today, config?.sprintFieldId ?? null))
    .filter((t): t is TicketView => t !== null);
  const inWindow = within(filters.windowDays);
  return {
    filters,
    services: [...new Set(facts.map((i) => i.index.service).filter(Boolean))].sort(),
    details: {
      byPriority,
      rolling,
      trend: monthlyTrend(facts, now),
      patternsJql: q.patterns(span),
      categories: byCategory(inWindow),
      services: byService(inWindow),
      chains: repeatChains(facts),
      themes: recurringThemes(inWindow),
      parkingIdeas: recurringIdeas(inWindow),
      review: groupForReview(views, outcomes, '', lastReviewAt, q.openReview),
    },
  };
}
