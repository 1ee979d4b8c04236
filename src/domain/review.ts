import { mdInline } from './markdown';
import type { ReviewData, ReviewItem, ReviewOutcome, TicketView } from '../shared/contract';

/**
 * Rule 3: the open action items of earlier incidents, grouped as the article's agenda shows them:
 * done since the last review, in progress (with what blocks it), not started. Overdue first in each group.
 */
export function groupForReview(
  tickets: TicketView[],
  outcomes: Map<string, ReviewOutcome>,
  currentIncident: string,
  lastReviewAt: string,
  jql: string,
): ReviewData {
  const since = Date.parse(lastReviewAt);
  const items: ReviewItem[] = tickets
    .filter((t) => t.incident !== currentIncident)
    .map((t) => ({ ...t, outcome: outcomes.get(t.key) ?? null }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.key.localeCompare(b.key),
    );
  return {
    doneSinceLastReview: items.filter(
      (t) => t.statusCategory === 'done' && t.resolved !== null && Date.parse(t.resolved) >= since,
    ),
    inProgress: items.filter((t) => t.statusCategory === 'indeterminate'),
    notStarted: items.filter((t) => t.statusCategory === 'new'),
    slipped: items.filter((t) => t.slipped && t.statusCategory !== 'done'),
    lastReviewAt,
    jql,
  };
}

/** The article's meeting agenda, with this project's open items, as Markdown to paste into the invite. */
export function agendaMarkdown(review: ReviewData, incidentKey: string, incidentTitle: string): string {
  const line = (t: ReviewItem, state: string) =>
    `  - ${mdInline(t.incident)}: "${mdInline(t.summary)}" (${mdInline(t.key)}) — ${state}${t.assignee ? `, ${mdInline(t.assignee.displayName)}` : ''}${t.dueDate ? `, due ${mdInline(t.dueDate)}` : ''}${t.overdue ? ' — OVERDUE' : ''}`;
  const items = [
    ...review.doneSinceLastReview.map((t) => line(t, 'DONE')),
    ...review.inProgress.map((t) =>
      line(
        t,
        `IN PROGRESS${t.status.toLowerCase() === 'blocked' ? ' (blocked)' : ''}${t.outcome?.note ? ` (${mdInline(t.outcome.note)})` : ''}`,
      ),
    ),
    ...review.notStarted.map((t) => line(t, 'NOT STARTED')),
  ];
  return [
    `# Post-mortem meeting: ${mdInline(incidentKey)} ${mdInline(incidentTitle)}`,
    '1. Review open action items (10 min)',
    ...(items.length ? items : ['  - No open action items from earlier incidents.']),
    '2. Current incident review (30 min)',
    '  - Timeline walkthrough',
    '  - Contributing factors',
    '  - Action items (max 3)',
    '3. Pattern analysis (10 min)',
    '  - Any recurring themes?',
    '  - Systemic issues to address?',
  ].join('\n');
}
