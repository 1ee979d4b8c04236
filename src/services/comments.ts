import { INCIDENT_TYPE } from '../domain/jira-names';
import { bulletList, doc, heading, orderedList, paragraph, text } from '../domain/adf';
import { toAdf, type ActionView } from '../domain/export';
import { addComment, getIssue } from '../jira/issues';
import type { JiraTransport } from '../jira/transport';
import type { PanelData, ReviewData, ReviewItem } from '../shared/contract';
import { AppFailure } from './failure';

/** Posts the post-mortem, in the article's layout, as an ADF comment on the incident. */
export async function commentPostMortem(jira: JiraTransport, panel: PanelData): Promise<{ commentId: string }> {
  onlyIncidents(panel);
  if (!panel.postmortem) throw new AppFailure('PRECONDITION', 'There is no saved post-mortem to post yet.');
  const users = new Map(panel.users.map((u) => [u.accountId, u.displayName]));
  const tickets = new Map(panel.tickets.map((t) => [t.key, t]));
  const actions: ActionView[] = panel.postmortem.doc.actionItems.map((a) => ({
    action: a.ticketKey ? `${a.action} (${a.ticketKey})` : a.action,
    owner: (a.ownerAccountId && users.get(a.ownerAccountId)) || a.ownerAccountId || '—',
    priority: a.priority,
    dueDate: a.dueDate ?? '—',
    status: (a.ticketKey && tickets.get(a.ticketKey)?.status) || 'Open',
  }));
  return { commentId: (await addComment(jira, panel.issue.key, toAdf(panel.postmortem.doc, actions))).id };
}

/**
 * Characters of agenda lines a comment may hold: Jira's text field limit is 32,767 characters (how it measures an ADF
 * body is not documented), so the rest of the comment and a margin stay below it.
 */
export const AGENDA_TEXT_BUDGET = 30_000;

/** Posts the meeting agenda (Rule 3 first) as an ADF comment on the incident. */
export async function commentAgenda(
  jira: JiraTransport,
  issueKey: string,
  r: ReviewData,
): Promise<{ commentId: string }> {
  // Comments go only on incidents: the agenda names no issue type, so Jira is asked.
  const target = await getIssue(jira, issueKey, { fields: ['issuetype'] });
  if (target.fields?.issuetype?.name !== INCIDENT_TYPE.name)
    throw new AppFailure(
      'PRECONDITION',
      `${issueKey} is not an Incident: the app comments only on incidents. No comment was posted.`,
      undefined,
      undefined,
      'not-saved',
    );
  const line = (t: ReviewItem, state: string) =>
    `${t.incident}: "${t.summary}" (${t.key}) — ${state}${t.assignee ? `, ${t.assignee.displayName}` : ''}${t.dueDate ? `, due ${t.dueDate}` : ''}${t.overdue ? ', OVERDUE' : ''}`;
  const all = [
    ...r.doneSinceLastReview.map((t) => line(t, 'DONE')),
    ...r.inProgress.map((t) => line(t, `IN PROGRESS${t.status.toLowerCase() === 'blocked' ? ' (blocked)' : ''}`)),
    ...r.notStarted.map((t) => line(t, 'NOT STARTED')),
  ];
  // Jira refuses a comment longer than its text field limit: list what fits, in the agenda's order, then say so.
  const open: string[] = [];
  let used = 0;
  for (const l of all) {
    if (used + l.length + 1 > AGENDA_TEXT_BUDGET) break;
    open.push(l);
    used += l.length + 1;
  }
  const more = all.length - open.length;
  const posted = await addComment(
    jira,
    issueKey,
    doc(
      heading(3, `Post-mortem meeting: ${issueKey}`),
      orderedList([
        [text('Review open action items (10 min)')],
        [text('Current incident review (30 min): timeline walkthrough, contributing factors, action items (max 3)')],
        [text('Pattern analysis (10 min) - any recurring themes? Systemic issues to address?')],
      ]),
      heading(4, 'Open action items from earlier incidents'),
      open.length
        ? bulletList(open.map((l) => [text(l)]))
        : paragraph(text('No open action items from earlier incidents.')),
      ...(more
        ? [
            paragraph(
              text(
                `…and ${more} more not listed here (a Jira comment holds at most 32,767 characters). All of them: ${r.jql}`,
              ),
            ),
          ]
        : []),
    ),
  );
  return { commentId: posted.id };
}

function onlyIncidents(panel: PanelData) {
  if (!panel.isIncident)
    throw new AppFailure(
      'PRECONDITION',
      `${panel.issue.key} is not an Incident: the app comments only on incidents. No comment was posted.`,
      undefined,
      undefined,
      'not-saved',
    );
}
