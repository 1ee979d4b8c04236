import { INCIDENT_TYPE, POSTMORTEM_PROPERTY } from '../domain/jira-names';
import { getIssue } from '../jira/issues';
import type { JiraTransport } from '../jira/transport';
import type { PanelData } from '../shared/contract';
import { StoredPostMortemSchema } from '../shared/postmortem';

/** Everything the panel shows first, in one Jira call: the issue's fields and its post-mortem property. */
export async function loadPanel(jira: JiraTransport, issueKey: string): Promise<PanelData> {
  const issue = await getIssue(jira, issueKey, { fields: ['summary', 'status', 'issuetype', 'created', 'project'], properties: [POSTMORTEM_PROPERTY] });
  const f = issue.fields ?? {};
  const raw = issue.properties?.[POSTMORTEM_PROPERTY];
  let postmortem: PanelData['postmortem'] = null;
  let postmortemProblem: string | null = null;
  if (raw !== undefined) {
    const parsed = StoredPostMortemSchema.safeParse(raw);
    if (parsed.success) postmortem = parsed.data;
    else postmortemProblem = `The stored post-mortem does not match the expected format (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}). It was left untouched.`;
  }
  return {
    issue: {
      key: issue.key,
      summary: f.summary ?? '',
      issueType: f.issuetype?.name ?? '',
      status: f.status?.name ?? '',
      statusCategory: f.status?.statusCategory.key ?? '',
      created: f.created ?? '',
      projectKey: f.project?.key ?? issue.key.split('-')[0] ?? '',
    },
    isIncident: f.issuetype?.name === INCIDENT_TYPE.name,
    postmortem,
    postmortemProblem,
  };
}
