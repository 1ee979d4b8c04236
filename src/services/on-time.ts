import { ACTION_PROPERTY } from '../domain/jira-names';
import { setIssueProperty } from '../jira/properties';
import { searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { ActionTicketPropertySchema } from '../shared/postmortem';

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
  const scope = projectKeys?.length ? `project in (${projectKeys.map((k) => `"${k}"`).join(', ')}) AND ` : '';
  const q = `${scope}issue.property[${ACTION_PROPERTY}].incident IS NOT EMPTY AND statusCategory = Done AND issue.property[${ACTION_PROPERTY}].resolvedOnTime IS EMPTY`;
  // Page after page up to `batch`: Jira may return fewer issues per page than asked.
  const found = await searchAll(jira, q, {
    fields: ['duedate', 'resolutiondate'],
    properties: [ACTION_PROPERTY],
    maxResults: batch,
    limit: batch,
  });
  let marked = 0;
  for (const t of found) {
    const prop = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
    const resolved = t.fields?.resolutiondate ? Date.parse(t.fields.resolutiondate) : NaN;
    if (!prop.success || !Number.isFinite(resolved)) continue;
    const due = t.fields?.duedate ? Date.parse(`${t.fields.duedate}T23:59:59.999Z`) : Infinity; // no due date: never late
    await setIssueProperty(jira, t.key, ACTION_PROPERTY, { ...prop.data, resolvedOnTime: resolved <= due ? 1 : 0 });
    marked++;
  }
  return marked;
}
