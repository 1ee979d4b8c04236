import { ACTION_PROPERTY, INDEX_PROPERTY } from '../domain/jira-names';
import { quote } from '../domain/jql';
import { actionFigures, reportWindow } from '../domain/report-definitions';
import {
  byCategory,
  byService,
  monthlyTrend,
  ratio,
  recurringIdeas,
  recurringThemes,
  repeatChains,
} from '../domain/report-math';
import { groupForReview } from '../domain/review';
import { lastMonths, startOfMonth } from '../domain/zone';
import { JiraError } from '../jira/errors';
import { getIssue } from '../jira/issues';
import { searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { TicketView } from '../shared/contract';
import type { ReportDetailsAnswer, ReportFilters } from '../shared/report';
import type { KeyValueStore } from '../storage/kvs';
import { mapLimit } from './concurrency';
import { explainRefusals } from './project-access';
import { REPORT_CONCURRENCY, reportScope } from './report';
import { postmortemsByMonth } from './report-cache';
import { incidentFacts, searchTicketFacts } from './report-facts';
import { reportZones } from './report-zones';
import { readLastReview, readOutcomes } from './review';
import { cachedSiteConfig } from './settings';
import { TICKET_FIELDS, toTicketView } from './tickets';

/** The review lists at most this many items, and says so when there are more. */
export const REVIEW_LIMIT = 500;

/**
 * Everything below the headline: the published post-mortems of the trend's 12 calendar months (or the window, if
 * longer) for the trend, rolling rates and patterns; the window's action tickets by priority; the review. Each
 * figure states its JQL, and counting that JQL gives the same number.
 */
export async function reportDetails(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  filters: ReportFilters,
  now: number,
  reviewLimit = REVIEW_LIMIT,
): Promise<ReportDetailsAnswer> {
  const [outcomes, config, zones, lastReview] = await Promise.all([
    readOutcomes(kvs, projectKey),
    cachedSiteConfig(kvs),
    reportZones(jira),
    readLastReview(kvs, projectKey, now),
  ]);
  // The review's JQL is written to the minute: cut the last review time the same way so the list and the link agree.
  const lastReviewAt = new Date(Math.floor(Date.parse(lastReview) / 60_000) * 60_000).toISOString();
  const { q, window } = await explainRefusals(jira, projectKey, reportScope(jira, projectKey, filters, now, zones));
  const w = reportWindow(now, filters.windowDays, zones.site);
  const months = lastMonths(now, zones.site);
  const trendStart = startOfMonth(months[0] ?? window.from.slice(0, 7), zones.site);
  const spanStart = Math.min(trendStart, w.start);
  const [incidents, tickets, reviewTickets] = await explainRefusals(
    jira,
    projectKey,
    Promise.all([
      // Closed months come from app storage (report-cache.ts): a view reads live only the recent and oldest days.
      postmortemsByMonth(
        jira,
        kvs,
        projectKey,
        q.patterns(spanStart),
        Math.ceil((now - spanStart) / 86_400_000) + 1,
        now,
        {
          fields: ['created'],
          properties: [INDEX_PROPERTY],
        },
      ),
      searchTicketFacts(jira, q.actions, outcomes),
      searchAll(jira, q.review(lastReviewAt), {
        fields: TICKET_FIELDS,
        properties: [ACTION_PROPERTY],
        maxResults: REVIEW_LIMIT + 1,
        limit: REVIEW_LIMIT + 1,
      }),
    ]),
  );
  // Patterns count published post-mortems only: a draft's category or repeat link is not settled yet.
  const facts = incidentFacts(incidents).filter((i) => i.index.status === 'published');
  const since = (start: number) => facts.filter((i) => i.created >= start);
  const rolling = ([30, 90, 180] as const).map((days) => {
    const start = reportWindow(now, days, zones.site).start;
    const p = since(start);
    return {
      days,
      rate: ratio(
        { count: p.filter((i) => i.index.repeatOf).length, jql: q.repeats(start) },
        { count: p.length, jql: q.published(start) },
      ),
    };
  });
  const a = actionFigures(tickets, w);
  const byPriority = (['P1', 'P2', 'P3'] as const).map((p) => {
    const f = actionFigures(
      tickets.filter((t) => t.priority === p),
      w,
    );
    return {
      priority: p,
      completion: ratio(
        { count: f.done.length, jql: q.priorityDone(p, a.dropped) },
        { count: f.all.length, jql: q.priorityAll(p) },
      ),
    };
  });
  const views = reviewTickets
    .slice(0, reviewLimit)
    .map((t) => toTicketView(t, window.today, config?.sprintFieldId ?? null))
    .filter((t): t is TicketView => t !== null);
  const inWindow = since(w.start);
  const chains = repeatChains(facts);
  const [deadKeys, missingTickets] = await Promise.all([
    deadIncidents(
      jira,
      chains.map((c) => c[0] ?? '').filter((k) => k && !facts.some((i) => i.key === k)),
    ),
    missingActionTickets(jira, q.tickets, inWindow),
  ]);
  return {
    filters,
    window,
    services: [...new Set(facts.map((i) => i.index.service).filter(Boolean))].sort(),
    details: {
      byPriority,
      rolling,
      trend: monthlyTrend(facts, now, zones.site),
      trendFrom: `${months[0] ?? ''}-01`,
      patternsJql: q.patterns(spanStart),
      patternsFrom: window.from,
      patternsTo: window.today,
      categories: byCategory(inWindow),
      services: byService(inWindow),
      chains,
      deadKeys,
      themes: recurringThemes(inWindow),
      parkingIdeas: recurringIdeas(inWindow),
      missingTickets,
      reviewLimit,
      reviewTruncated: reviewTickets.length > reviewLimit,
      review: groupForReview(views, outcomes, '', lastReviewAt, q.review(lastReviewAt)),
    },
  };
}

/** Chain starts outside the patterns' months: older incidents are fine, deleted or moved ones are named as such. */
async function deadIncidents(jira: JiraTransport, keys: string[]): Promise<string[]> {
  const found = await mapLimit([...new Set(keys)], REPORT_CONCURRENCY, async (key) => {
    try {
      const issue = await getIssue(jira, key, { fields: ['id'] });
      return issue.key === key ? null : key; // Jira answers a moved issue under its new key
    } catch (e) {
      if (e instanceof JiraError && e.status === 404) return key;
      throw e;
    }
  });
  return found.filter((k): k is string => k !== null).sort();
}

/** Action items of the window's post-mortems whose ticket is no longer among the project's action tickets. */
async function missingActionTickets(
  jira: JiraTransport,
  ticketsJql: string,
  incidents: { key: string; index: { actionKeys: string[] } }[],
): Promise<{ key: string; incident: string }[]> {
  const expected = incidents.flatMap((i) => i.index.actionKeys.map((key) => ({ key, incident: i.key })));
  if (expected.length === 0) return [];
  const withTickets = [...new Set(expected.map((e) => e.incident))];
  const present = new Set<string>();
  for (let i = 0; i < withTickets.length; i += 200) {
    const chunk = withTickets.slice(i, i + 200).map(quote);
    const found = await searchAll(
      jira,
      `${ticketsJql} AND issue.property[${ACTION_PROPERTY}].incident IN (${chunk.join(', ')})`,
      { fields: ['id'], maxResults: 5000 },
    );
    for (const t of found) present.add(t.key);
  }
  return expected.filter((e) => !present.has(e.key)).sort((a, b) => a.key.localeCompare(b.key));
}
