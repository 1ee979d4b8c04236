import { ACTION_PROPERTY } from '../domain/jira-names';
import { quote } from '../domain/jql';
import { reportWindow } from '../domain/report-definitions';
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
import { approximateCount, searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { TicketView } from '../shared/contract';
import type { ReportDetailsAnswer, ReportFilters } from '../shared/report';
import type { KeyValueStore } from '../storage/kvs';
import { countAll } from './concurrency';
import { explainRefusals } from './project-access';
import { reportScope } from './report';
import { incidentFacts } from './report-facts';
import { LIVE_BUDGET, postmortemHistory } from './report-history';
import { searchByKeys } from './report-keys';
import { withSiteFacts } from './report-site';
import { priorityCounts } from './report-tickets';
import { readLastReview, readOutcomes } from './review';
import { cachedSiteConfig } from './settings';
import { TICKET_FIELDS, toTicketView } from './tickets';

/**
 * The page's review lists at most this many items (the most overdue first), says how many there are and links the
 * search for all of them: one page of Jira's search, where 500 took three pages in a row and five times the points.
 * A meeting works through the panel's review, paged on demand.
 */
export const REVIEW_LIMIT = 100;

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
  accountId?: string,
  liveBudget = LIVE_BUDGET,
): Promise<ReportDetailsAnswer> {
  const outcomesRead = readOutcomes(kvs, projectKey);
  const [outcomes, config, lastReview] = await Promise.all([
    outcomesRead,
    cachedSiteConfig(kvs),
    readLastReview(kvs, projectKey, now),
  ]);
  // The review's JQL is written to the minute: cut the last review time the same way so the list and the link agree.
  const lastReviewAt = new Date(Math.floor(Date.parse(lastReview) / 60_000) * 60_000).toISOString();
  return withSiteFacts(jira, kvs, accountId, async (site) => {
    const zones = site.zones;
    const { q, window } = await explainRefusals(jira, projectKey, reportScope(jira, projectKey, filters, now, zones));
    const w = reportWindow(now, filters.windowDays, zones.site);
    const months = lastMonths(now, zones.site);
    const trendStart = startOfMonth(months[0] ?? window.from.slice(0, 7), zones.site);
    const spanStart = Math.min(trendStart, w.start);
    const rollingStarts = ([30, 90, 180] as const).map((days) => reportWindow(now, days, zones.site).start);
    const rollingQueries = rollingStarts.flatMap((start) => [q.repeats(start), q.published(start)]);
    // Every post-mortem of the span, from the history kept in app storage (report-history.ts); the chain starts
    // outside it are looked up as soon as it is there, while the review's pages are still coming.
    const historyRead = postmortemHistory(jira, kvs, projectKey, spanStart, now, zones.user, liveBudget);
    const deadRead = historyRead.then((h) => {
      if (!h.complete) return [];
      const facts = incidentFacts(h.issues).filter(
        (i) => i.created >= spanStart && i.index.status === 'published' && matches(i.index, filters),
      );
      const keys = new Set(facts.map((i) => i.key));
      return deadIncidents(
        jira,
        projectKey,
        repeatChains(facts)
          .map((c) => c[0] ?? '')
          .filter((k) => k && !keys.has(k)),
      );
    });
    const [history, byPriorityCounts, reviewTickets, rollingCounts, reviewCount, deadKeys, historyMissing] =
      await explainRefusals(
        jira,
        projectKey,
        Promise.all([
          historyRead,
          priorityCounts(jira, q, w, site.dropping, outcomes),
          searchAll(jira, q.review(lastReviewAt), {
            fields: TICKET_FIELDS,
            properties: [ACTION_PROPERTY],
            maxResults: REVIEW_LIMIT + 1,
            limit: REVIEW_LIMIT + 1,
          }),
          // Six counts in the first round: a first view has them whatever the history holds.
          countAll(rollingQueries, rollingQueries.length, (j) => approximateCount(jira, j)),
          approximateCount(jira, q.reviewFilter(lastReviewAt)),
          deadRead,
          historyRead.then((h) => h.missing),
        ]),
      );
    // Patterns count published post-mortems only: a draft's category or repeat link is not settled yet.
    const facts = incidentFacts(history.issues).filter(
      (i) => i.created >= spanStart && i.index.status === 'published' && matches(i.index, filters),
    );
    const n = (jql: string) => ({ jql, count: rollingCounts.get(jql) ?? 0 });
    const rolling = ([30, 90, 180] as const).map((days, i) => {
      const start = rollingStarts[i] ?? w.start;
      return { days, rate: ratio(n(q.repeats(start)), n(q.published(start))) };
    });
    const byPriority = byPriorityCounts.map((p) => ({ priority: p.priority, completion: ratio(p.done, p.all) }));
    const views = reviewTickets
      .slice(0, reviewLimit)
      .map((t) => toTicketView(t, window.today, config?.sprintFieldId ?? null))
      .filter((t): t is TicketView => t !== null);
    const review = groupForReview(views, outcomes, '', lastReviewAt, q.review(lastReviewAt));
    const common = {
      byPriority,
      rolling,
      trendFrom: `${months[0] ?? ''}-01`,
      patternsJql: q.patterns(spanStart),
      patternsFrom: window.from,
      patternsTo: window.today,
      reviewLimit,
      reviewTruncated: reviewTickets.length > reviewLimit,
      // Approximate: it may lag a write of the last seconds, so never fewer than the list itself shows.
      reviewTotal: Math.max(reviewCount, Math.min(reviewTickets.length, reviewLimit + 1)),
      review,
      history: { ready: history.ready, total: history.total, complete: history.complete },
    };
    if (!history.complete) {
      // Not every month is in the history yet: no trend or pattern rather than one computed from part of the year.
      return {
        filters,
        window,
        services: [],
        details: {
          ...common,
          trend: [],
          categories: [],
          services: [],
          chains: [],
          deadKeys: [],
          themes: [],
          parkingIdeas: [],
          missingTickets: [],
        },
      };
    }
    const inWindow = facts.filter((i) => i.created >= w.start);
    const chains = repeatChains(facts);
    // Checked when each month of the history was built, and now for the incidents saved since.
    const windowKeys = new Set(inWindow.map((i) => i.key));
    const missingTickets = historyMissing
      .filter((x) => windowKeys.has(x.incident))
      .sort((a, b) => a.key.localeCompare(b.key));
    return {
      filters,
      window,
      services: [...new Set(facts.map((i) => i.index.service).filter(Boolean))].sort(),
      details: {
        ...common,
        trend: monthlyTrend(facts, now, zones.site),
        categories: byCategory(inWindow),
        services: byService(inWindow),
        chains,
        deadKeys,
        themes: recurringThemes(inWindow),
        parkingIdeas: recurringIdeas(inWindow),
        missingTickets,
      },
    };
  });
}

/** The filters as JQL applies them to the indexed values (`=` on a string property ignores case). */
function matches(index: { service?: string; category?: string }, f: ReportFilters): boolean {
  const eq = (a: string | undefined, b: string | null) => b === null || (a ?? '').toLowerCase() === b.toLowerCase();
  return eq(index.service, f.service) && eq(index.category, f.category);
}

/** Chain starts outside the patterns' months: older incidents are fine, deleted or moved ones are named as such. */
async function deadIncidents(jira: JiraTransport, projectKey: string, keys: string[]): Promise<string[]> {
  const wanted = [...new Set(keys)];
  // A moved incident is found under its new key (or not in this project); a deleted one is named in Jira's 400.
  const found = new Set(
    (await searchByKeys(jira, `project = ${quote(projectKey)}`, wanted, { fields: ['id'] })).map((i) => i.key),
  );
  return wanted.filter((k) => !found.has(k)).sort();
}
