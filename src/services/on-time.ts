import { ACTION_PROPERTY } from '../domain/jira-names';
import { setIssueProperty } from '../jira/properties';
import { searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { ActionTicketPropertySchema } from '../shared/postmortem';

/** Where a run stopped: the id of the last ticket judged, and whether the search has nothing after it. */
export interface OnTimePage {
  marked: number;
  lastId: string | null;
  done: boolean;
}

/**
 * JQL cannot compare a ticket's resolution date with its due date, so the app records the answer on
 * each resolved action ticket (resolvedOnTime = 1 or 0), where the report can count it. Runs as the app
 * from a scheduled trigger and on issue updates; each run handles up to `batch` tickets.
 */
export async function markResolvedOnTime(
  jira: JiraTransport,
  projectKeys: string[] | null,
  batch = 200,
): Promise<number> {
  return (await markResolvedOnTimePage(jira, projectKeys, { batch })).marked;
}

/**
 * One page of the job, in id order after `afterId` (the scheduled job's cursor: the search index may lag the
 * writes, so "not yet marked" alone could return the same tickets again), or only `issueKey` (an update event).
 * `keepGoing` is asked before each ticket, so a time budget can stop the page part-way.
 */
export async function markResolvedOnTimePage(
  jira: JiraTransport,
  projectKeys: string[] | null,
  opts: { batch?: number; afterId?: string | null; issueKey?: string; keepGoing?: () => boolean },
): Promise<OnTimePage> {
  const batch = opts.batch ?? 200;
  // `resolved IS NOT EMPTY`: a done status whose transition sets no resolution has no date to judge.
  const scope = projectKeys?.length ? `project in (${projectKeys.map((k) => `"${k}"`).join(', ')}) AND ` : '';
  const q = `${scope}issue.property[${ACTION_PROPERTY}].incident IS NOT EMPTY AND statusCategory = Done AND resolved IS NOT EMPTY AND issue.property[${ACTION_PROPERTY}].resolvedOnTime IS EMPTY`;
  const where = `${q}${opts.issueKey ? ` AND key = "${opts.issueKey}"` : ''}${opts.afterId ? ` AND id > ${opts.afterId}` : ''}`;
  // Page after page up to `batch`: Jira may return fewer issues per page than asked.
  const found = await searchAll(jira, `${where} ORDER BY id ASC`, {
    fields: ['duedate', 'resolutiondate'],
    properties: [ACTION_PROPERTY],
    maxResults: batch,
    limit: batch,
  });
  let marked = 0;
  let lastId = opts.afterId ?? null;
  for (const t of found) {
    if (opts.keepGoing && !opts.keepGoing()) return { marked, lastId, done: false };
    lastId = t.id;
    const prop = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
    const resolved = t.fields?.resolutiondate ? Date.parse(t.fields.resolutiondate) : NaN;
    if (!prop.success || !Number.isFinite(resolved)) continue;
    const due = t.fields?.duedate ? Date.parse(`${t.fields.duedate}T23:59:59.999Z`) : Infinity; // no due date: never late
    await setIssueProperty(jira, t.key, ACTION_PROPERTY, { ...prop.data, resolvedOnTime: resolved <= due ? 1 : 0 });
    marked++;
  }
  // searchAll stops at `batch` or at the last page: fewer than `batch` means nothing is left after these.
  return { marked, lastId, done: found.length < batch };
}
