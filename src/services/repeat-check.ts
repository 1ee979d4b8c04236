import { INCIDENT_TYPE } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { anyOpenAt } from '../domain/report-definitions';
import { JiraError } from '../jira/errors';
import { getIssue } from '../jira/issues';
import { searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { messages } from '../shared/messages';
import { AppFailure } from './failure';

const refuse = (why: string) =>
  new AppFailure(
    'VALIDATION',
    messages.notSaved(`"Same root cause as" names ${why}`),
    undefined,
    undefined,
    'not-saved',
  );

/**
 * Checks a confirmed "same root cause as" link before it is saved: the earlier incident must exist, be an Incident
 * and have been created before this one (chains then run forward in time and cannot loop). Returns whether that
 * incident still had an open action ticket when this one was created.
 */
export async function checkRepeatOf(
  jira: JiraTransport,
  projectKey: string,
  incident: { key: string; created: string | undefined },
  repeatOf: string,
): Promise<{ repeatWhileOpen: boolean }> {
  let earlier;
  try {
    earlier = await getIssue(jira, repeatOf, { fields: ['created', 'issuetype'] });
  } catch (e) {
    if (e instanceof JiraError && (e.isNotFound || e.isForbidden))
      throw refuse(`${repeatOf}, which does not exist or which you cannot see: pick an earlier incident.`);
    throw e;
  }
  if (earlier.fields?.issuetype?.name !== INCIDENT_TYPE.name)
    throw refuse(`${repeatOf}, which is not an Incident: a repeat links to an earlier incident.`);
  const at = Date.parse(incident.created ?? '');
  const before = Date.parse(earlier.fields.created ?? '');
  // Created in the same minute counts as earlier: Jira's created times are not finer than the clock behind them.
  if (!Number.isFinite(at) || !Number.isFinite(before) || before > at)
    throw refuse(`${repeatOf}, which was created after ${incident.key}: a repeat links to an earlier incident.`);
  const tickets = await searchAll(jira, jql.actionTicketsOf(projectKey, earlier.key), {
    fields: ['created', 'resolutiondate', 'status'],
    maxResults: 100,
  });
  const facts = tickets.map((t) => {
    const resolved = Date.parse(t.fields?.resolutiondate ?? '');
    return {
      created: Date.parse(t.fields?.created ?? ''),
      resolved: Number.isFinite(resolved) ? resolved : null,
      done: t.fields?.status?.statusCategory.key === 'done',
    };
  });
  return { repeatWhileOpen: anyOpenAt(facts, at) };
}
