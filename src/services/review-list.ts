import { ACTION_PROPERTY } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { groupForReview } from '../domain/review';
import { approximateCount, searchAll, searchPage } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { ReviewCounts, ReviewData, ReviewItem, ReviewPage, TicketView } from '../shared/contract';
import type { KeyValueStore } from '../storage/kvs';
import { readLastReview, readOutcomes, readOutcomesOf } from './review';
import { TICKET_FIELDS, toTicketView } from './tickets';

/** Rows per page of the panel's review table: each row costs a rate-limit point, so the panel opens with few. */
export const REVIEW_PAGE_SIZE = 10;

const today = (now: number) => new Date(now).toISOString().slice(0, 10);
const tickets = (issues: Parameters<typeof toTicketView>[0][], now: number): TicketView[] =>
  issues.map((i) => toTicketView(i, today(now), null)).filter((t): t is TicketView => t !== null);

/** The outcomes recorded for these tickets (latest version of each; outcomes are versioned in review.ts). */
const outcomesFor = (kvs: KeyValueStore, projectKey: string, keys: string[]) => readOutcomesOf(kvs, projectKey, keys);

/** One page of the open action items of earlier incidents, soonest due first, with their recorded outcomes. */
export async function reviewPage(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  incidentKey: string,
  pageToken: string | null,
  now: number,
): Promise<ReviewPage> {
  // Jira may answer with fewer issues than asked (many fields): ask again for the rest, never past the page size,
  // so the token returned starts exactly where this page ends.
  const issues: Parameters<typeof toTicketView>[0][] = [];
  let token = pageToken;
  do {
    const page = await searchPage(jira, `${jql.earlierOpenActions(projectKey, incidentKey)} ORDER BY duedate ASC`, {
      fields: TICKET_FIELDS,
      properties: [ACTION_PROPERTY],
      maxResults: REVIEW_PAGE_SIZE - issues.length,
      ...(token ? { nextPageToken: token } : {}),
    });
    issues.push(...page.issues);
    token = page.isLast === false && page.nextPageToken ? page.nextPageToken : null;
  } while (token && issues.length < REVIEW_PAGE_SIZE);
  const views = tickets(issues, now);
  const outcomes = await outcomesFor(
    kvs,
    projectKey,
    views.map((t) => t.key),
  );
  const items: ReviewItem[] = views.map((t) => ({ ...t, outcome: outcomes.get(t.key) ?? null }));
  return { items, nextPageToken: token };
}

/** "12 open from earlier incidents, 5 overdue": two counts, one point each. */
export async function reviewCounts(
  jira: JiraTransport,
  projectKey: string,
  incidentKey: string,
  now: number,
): Promise<ReviewCounts> {
  const [open, overdue] = await Promise.all([
    approximateCount(jira, jql.earlierOpenActions(projectKey, incidentKey)),
    approximateCount(jira, jql.earlierOverdueActions(projectKey, incidentKey, today(now))),
  ]);
  return { open, overdue };
}

/** The whole agenda (to copy or post), grouped as the article shows it: only when someone asks for it. */
export async function reviewAgenda(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  incidentKey: string,
  now: number,
): Promise<ReviewData> {
  const [outcomes, since] = await Promise.all([readOutcomes(kvs, projectKey), readLastReview(kvs, projectKey, now)]);
  const issues = await searchAll(jira, jql.reviewTickets(projectKey, since, incidentKey, now), {
    fields: TICKET_FIELDS,
    properties: [ACTION_PROPERTY],
    maxResults: 1000,
  });
  return groupForReview(tickets(issues, now), outcomes, incidentKey, since, jql.openActionTickets(projectKey));
}
