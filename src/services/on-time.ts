import { ACTION_PROPERTY } from '../domain/jira-names';
import { onTimeJobJql, resolvedOnTime } from '../domain/report-definitions';
import { setIssueProperty } from '../jira/properties';
import { searchPage } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { ActionTicketPropertySchema } from '../shared/postmortem';
import { reportZones } from './report-zones';

/** Pages of candidates one run looks through at most (skipped tickets do not hold the next ones back). */
const MAX_PAGES = 5;

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
  const zone = (await reportZones(jira)).site;
  const q = onTimeJobJql(projectKeys);
  let marked = 0;
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES && marked < batch; page++) {
    const res = await searchPage(jira, q, {
      fields: ['duedate', 'resolutiondate'],
      properties: [ACTION_PROPERTY],
      maxResults: batch,
      nextPageToken: token,
    });
    for (const t of res.issues) {
      if (marked >= batch) break;
      const prop = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
      if (!prop.success) continue; // not ours to rewrite; paging moves past it
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
    token = res.isLast === false && res.nextPageToken ? res.nextPageToken : undefined;
    if (!token) break;
  }
  return marked;
}
