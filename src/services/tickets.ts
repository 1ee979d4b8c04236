import { ACTION_PROPERTY } from '../domain/jira-names';
import type { Issue } from '../jira/schemas';
import { SprintFieldValueSchema } from '../jira/schemas';
import type { TicketView } from '../shared/contract';
import { ActionTicketPropertySchema } from '../shared/postmortem';

export const TICKET_FIELDS = ['summary', 'status', 'assignee', 'duedate', 'resolutiondate', 'priority'];

/** An action ticket from a search result, or null when it carries no readable postmortemAction property. */
export function toTicketView(issue: Issue, today: string, sprintFieldId: string | null): TicketView | null {
  const prop = ActionTicketPropertySchema.safeParse(issue.properties?.[ACTION_PROPERTY]);
  if (!prop.success) return null;
  const f = issue.fields ?? {};
  const category = f.status?.statusCategory.key ?? 'new';
  const due = f.duedate ?? null;
  const sprints = sprintFieldId ? SprintFieldValueSchema.safeParse(f[sprintFieldId]) : null;
  return {
    key: issue.key,
    summary: f.summary ?? '',
    status: f.status?.name ?? '',
    statusCategory: category,
    assignee: f.assignee
      ? { accountId: f.assignee.accountId, displayName: f.assignee.displayName ?? f.assignee.accountId }
      : null,
    dueDate: due,
    resolved: f.resolutiondate ?? null,
    priority: f.priority?.name ?? null,
    incident: prop.data.incident,
    slot: prop.data.slot,
    overdue: category !== 'done' && due !== null && due < today,
    inSprint: Boolean(sprints?.success && sprints.data && sprints.data.some((s) => s.state !== 'closed')),
    slipped: prop.data.slipped === 1,
  };
}
