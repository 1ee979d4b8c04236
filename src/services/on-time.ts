import { ACTION_PROPERTY } from '../domain/jira-names';
import { onTimeJobJql, resolvedOnTime } from '../domain/report-definitions';
import { setIssueProperty } from '../jira/properties';
import { searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { ActionTicketPropertySchema } from '../shared/postmortem';
import { reportZones } from './report-zones';

/** Candidates one page looks through, per ticket it may write (unchanged ones are skipped, not written). */
const LOOK_AHEAD = 3;

/** Where a run stopped: the id of the last ticket looked at, and whether the search has nothing after it. */
export interface OnTimePage {
  marked: number;
  lastId: string | null;
  done: boolean;
}

/**
 * JQL cannot compare a ticket's resolution date with its due date, so the app records the answer on each resolved
 * action ticket (resolvedOnTime = 1 or 0), where a JQL link can count it. The report judges at read time too, so
 * figures never wait for this job; the record keeps the JQL short. Runs as the app from a scheduled trigger and on
 * issue updates; each run writes up to `batch` tickets.
 *
 * Which tickets: done ones never judged, and done ones updated lately (reopened and resolved again, due date
 * moved); a ticket whose resolution and due dates are those it was judged on is left alone. A done ticket without
 * a resolution date is recorded as not on time (it cannot be judged), so it never comes back in every batch.
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
  const zone = (await reportZones(jira)).site;
  const where = `${onTimeJobJql(projectKeys)}${opts.issueKey ? ` AND key = "${opts.issueKey}"` : ''}${opts.afterId ? ` AND id > ${opts.afterId}` : ''}`;
  const limit = batch * LOOK_AHEAD;
  // Page after page up to `limit`: Jira may return fewer issues per page than asked.
  const found = await searchAll(jira, `${where} ORDER BY id ASC`, {
    fields: ['duedate', 'resolutiondate'],
    properties: [ACTION_PROPERTY],
    maxResults: Math.min(limit, 1000),
    limit,
  });
  let marked = 0;
  let lastId = opts.afterId ?? null;
  for (const t of found) {
    if (marked >= batch || (opts.keepGoing && !opts.keepGoing())) return { marked, lastId, done: false };
    lastId = t.id;
    const prop = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
    if (!prop.success) continue; // not ours to rewrite; the cursor moves past it
    const judgedOn = { resolved: t.fields?.resolutiondate ?? null, due: t.fields?.duedate ?? null };
    const resolved = judgedOn.resolved ? Date.parse(judgedOn.resolved) : NaN;
    const onTime = resolvedOnTime({ resolved: Number.isFinite(resolved) ? resolved : null, due: judgedOn.due }, zone);
    const flag = onTime ? 1 : 0;
    const same =
      prop.data.resolvedOnTime === flag &&
      prop.data.judgedOn?.resolved === judgedOn.resolved &&
      prop.data.judgedOn.due === judgedOn.due;
    if (same) continue;
    await setIssueProperty(jira, t.key, ACTION_PROPERTY, { ...prop.data, resolvedOnTime: flag, judgedOn });
    marked++;
  }
  // searchAll stops at `limit` or at the last page: fewer than `limit` means nothing is left after these.
  return { marked, lastId, done: found.length < limit };
}
