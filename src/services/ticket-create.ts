import { doc, paragraph, strong, text } from '../domain/adf';
import { ACTION_LABEL, ACTION_LINK_TYPE, ACTION_PROPERTY } from '../domain/jira-names';
import { moveIssuesToSprint } from '../jira/agile';
import { JiraError } from '../jira/errors';
import { createIssues, type IssueCreate } from '../jira/issues';
import { createIssueLink, linkOnCreate } from '../jira/links';
import type { JiraTransport } from '../jira/transport';
import type { ActionItem } from '../shared/postmortem';
import type { ProjectSettings } from '../shared/settings';
import { dueDateFor, placeOnKanban, type BoardTarget } from './placement';

/** An action ticket in Jira: whether it is already in the sprint and linked to its incident. */
export interface Found {
  key: string;
  inSprint: boolean;
  linked: boolean;
}

export interface TicketTarget {
  jira: JiraTransport;
  now: number;
  incident: { key: string; summary: string; projectKey: string; service: string; category: string };
  target: BoardTarget;
  sprintFieldId: string | null;
  settings: ProjectSettings;
}

/** What Jira said about one element of a bulk create. */
export type CreateOutcome =
  | { kind: 'created'; found: Found }
  | { kind: 'refused'; message: string }
  /** No usable answer: the ticket may exist. `noAnswer`: no answer at all (it may still land). */
  | { kind: 'unknown'; noAnswer: boolean };

const refusal = (messages: string[], fields: Record<string, string>, fallback: string) =>
  messages[0] ?? Object.values(fields)[0] ?? fallback;

function ticketCreate(t: TicketTarget, slot: number, item: ActionItem, sprint: boolean, linked: boolean): IssueCreate {
  const fields: Record<string, unknown> = {
    project: { key: t.incident.projectKey },
    issuetype: { name: t.settings.ticketIssueType },
    summary: item.action,
    description: doc(
      paragraph(text('Action item from the post-mortem of '), strong(t.incident.key), text(`: ${t.incident.summary}`)),
      paragraph(
        text(
          'Post-mortem rule 2: every action item is a ticket in the next sprint, linked to its incident. Its status is reviewed at the start of the next post-mortem.',
        ),
      ),
    ),
    assignee: { accountId: item.ownerAccountId },
    priority: { name: t.settings.priorityMap[item.priority] },
    duedate: dueDateFor(item, t.settings, t.target, t.now),
    labels: [ACTION_LABEL],
  };
  if (sprint && t.sprintFieldId && t.target.kind === 'sprint') fields[t.sprintFieldId] = t.target.sprint.id;
  const property = {
    incident: t.incident.key,
    slot,
    itemId: item.id,
    priority: item.priority,
    service: t.incident.service,
    category: t.incident.category,
  };
  return {
    fields,
    properties: [{ key: ACTION_PROPERTY, value: property }],
    // Linked in the create request itself: if Jira's answer is lost, the incident's links still name the ticket.
    ...(linked ? { update: linkOnCreate(ACTION_LINK_TYPE.name, t.incident.key) } : {}),
  };
}

/**
 * Creates the tickets of these items in one bulk request, each with its link, sprint and property. Jira answers
 * each element on its own. Fields a create screen may lack (the sprint field, the links) are left out for the
 * elements Jira refused for them, which are asked again without; finishTickets() then does those steps.
 */
export async function createTickets(
  t: TicketTarget,
  items: { slot: number; item: ActionItem }[],
): Promise<CreateOutcome[]> {
  const out: CreateOutcome[] = items.map(() => ({ kind: 'unknown', noAnswer: false }));
  let sprint = t.sprintFieldId !== null && t.target.kind === 'sprint';
  let linked = true;
  let todo = items.map((_, i) => i);
  while (todo.length) {
    const asked = todo;
    try {
      const res = await createIssues(
        t.jira,
        asked.map((i) => ticketCreate(t, items[i]?.slot ?? 0, items[i]?.item as ActionItem, sprint, linked)),
      );
      const refused = new Map(res.errors.map((e) => [e.failedElementNumber, e]));
      const createdAt = asked.filter((_, n) => !refused.has(n));
      // Jira lists the created issues in request order; a count that does not match leaves them unknown.
      if (res.issues.length === createdAt.length)
        createdAt.forEach((i, n) => {
          const c = res.issues[n];
          if (c) out[i] = { kind: 'created', found: { key: c.key, inSprint: sprint, linked } };
        });
      const sprintField = t.sprintFieldId ?? '';
      const screen = (e: { elementErrors: { errors: Record<string, string> } }) =>
        (sprint && sprintField in e.elementErrors.errors) || (linked && 'issuelinks' in e.elementErrors.errors);
      todo = [];
      for (const [n, e] of refused) {
        const i = asked[n];
        if (i === undefined) continue;
        if (screen(e)) todo.push(i);
        else
          out[i] = {
            kind: 'refused',
            message: refusal(e.elementErrors.errorMessages, e.elementErrors.errors, `Jira refused (HTTP ${e.status})`),
          };
      }
      if (todo.length) {
        const errs = [...refused.values()].map((e) => e.elementErrors.errors);
        if (sprint && errs.some((e) => sprintField in e)) sprint = false;
        else linked = false;
      }
    } catch (e) {
      for (const i of asked)
        out[i] =
          e instanceof JiraError && e.status < 500
            ? { kind: 'refused', message: refusal(e.errorMessages, e.fieldErrors, e.message) }
            : { kind: 'unknown', noAnswer: !(e instanceof JiraError) };
      todo = [];
    }
  }
  return out;
}

/**
 * Repeatable steps after creation, for every ticket at once: links the create could not make (Jira answers 201 to
 * a duplicate link), one move of all tickets not yet in the sprint (a no-op for those already there), or the
 * Kanban column. Answers, per ticket key, what is still missing.
 */
export async function finishTickets(t: TicketTarget, tickets: Found[]): Promise<Map<string, string>> {
  const missing = new Map<string, string>();
  await Promise.all(
    tickets
      .filter((f) => !f.linked)
      .map((f) =>
        // Jira shows the inwardIssue with the type's outward words: "INC has action item TICKET".
        createIssueLink(t.jira, {
          typeName: ACTION_LINK_TYPE.name,
          inwardKey: t.incident.key,
          outwardKey: f.key,
        }).catch(() => missing.set(f.key, 'linked')),
      ),
  );
  const placed = tickets.filter((f) => !missing.has(f.key));
  if (t.target.kind === 'kanban') {
    // One after another: each is ranked above the column's current top issue.
    for (const f of placed)
      await placeOnKanban(t.jira, t.target, f.key).catch(() => missing.set(f.key, 'placed on the board'));
  } else {
    const move = placed.filter((f) => !f.inSprint).map((f) => f.key);
    if (move.length)
      await moveIssuesToSprint(t.jira, t.target.sprint.id, move).catch(() => {
        for (const k of move) missing.set(k, 'placed in the sprint');
      });
  }
  return missing;
}
