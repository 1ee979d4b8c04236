import { ACTION_PROPERTY } from '../domain/jira-names';
import type { ReportJql } from '../domain/report-jql';
import type { Issue } from '../jira/schemas';
import { searchAll, searchPage } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { searchByKeys } from './report-keys';
import { TICKET_FIELDS } from './tickets';

/** Full tickets asked for per search: Jira returns fewer per page the more fields and properties are asked for. */
const FULL_PAGE = 100;

/**
 * The review's tickets, in the review's order, at most `limit` of them, in at most two rounds whatever their number.
 * Following a search's pages of full tickets takes one round per page (each needs the last page's token); instead
 * the first page of full tickets and the list of every key (5,000 keys a page) are asked for together, and when
 * the first page was not the whole list, the rest is read by key in parallel searches. A large review costs about
 * twice its tickets in points that way; a review that fits one page costs one round.
 */
export async function reviewTickets(
  jira: JiraTransport,
  q: ReportJql,
  sinceIso: string,
  limit: number,
): Promise<Issue[]> {
  const full = { fields: TICKET_FIELDS, properties: [ACTION_PROPERTY] };
  const [first, order] = await Promise.all([
    searchPage(jira, q.review(sinceIso), { ...full, maxResults: Math.min(FULL_PAGE, limit) }),
    searchAll(jira, q.review(sinceIso), { fields: ['id'], maxResults: limit, limit }),
  ]);
  if (first.isLast !== false || first.issues.length >= limit) return first.issues.slice(0, limit);
  // The key list is the review (both were read at once; the list is the complete one of the two).
  const known = new Map(first.issues.map((i) => [i.key, i]));
  const rest = order.map((i) => i.key).filter((k) => !known.has(k));
  const more = await searchByKeys(jira, q.reviewFilter(sinceIso), rest, full, FULL_PAGE);
  for (const i of more) known.set(i.key, i);
  return order.flatMap((i) => known.get(i.key) ?? []);
}
