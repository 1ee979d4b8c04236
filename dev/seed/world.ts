import { ACTION_LABEL, ACTION_PROPERTY } from '../../src/domain/jira-names';
import type { ActionTicketProperty } from '../../src/shared/postmortem';
import { jiraTime, type IssueRec } from '../emulator/state/model';
import type { JiraStore } from '../emulator/state/store';
import type { Rng } from './rng';

/**
 * What the seed built, handed to seed extensions so they can add cases (reminders, slipped tickets, held actions,
 * Kanban placement, ...) without touching the generator. Extensions get their own random stream, so adding one
 * never changes the rest of the demo.
 */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const INCIDENT_TYPE_ID = '10050';

export interface SeedOptions {
  seed: number;
  incidents: number;
  /** How far back the incidents go. */
  spanDays: number;
  now: number;
  /** Exactly three action tickets per post-mortem (the benchmark), or one to three (the demo). */
  actionsPerIncident: 'varied' | 3;
  /** Incidents of the Kanban project beside the scrum one (the demo has some; tests and the benchmark none). */
  kanbanIncidents?: number;
  /** Demo additions (default: SEED_EXTENSIONS); they run for the demo shape only. */
  extensions?: SeedExtension[];
}

export interface SeedSprint {
  id: number;
  start: number;
  end: number;
  state: 'closed' | 'active' | 'future';
}
export interface SeedProject {
  id: string;
  key: string;
  name: string;
  boardId: number;
  boardType: 'scrum' | 'kanban';
  /** Empty for a Kanban board. */
  sprints: SeedSprint[];
}
export interface SeededIncident {
  key: string;
  id: number;
  projectKey: string;
  created: number;
  actionKeys: string[];
}
export interface SeedContext {
  store: JiraStore;
  rng: Rng;
  /** The seed's "now": nothing an extension writes may be later than this. */
  now: number;
  engineers: string[];
  projects: SeedProject[];
  incidents: SeededIncident[];
}
/** A demo addition; runs inside the seed's store batch, after the generator. */
export type SeedExtension = (ctx: SeedContext) => void;

const STATUS_ID = { todo: '10000', progress: '10001', blocked: '10002', done: '10003' } as const;
export type TicketState = keyof typeof STATUS_ID;

/** An action ticket as the app creates it (Rule 2): labelled, linked, with its postmortemAction property. */
export function putActionTicket(
  store: JiraStore,
  project: SeedProject,
  t: {
    incidentKey: string;
    incidentId: number;
    summary: string;
    owner: string;
    reporter: string;
    priority: ActionTicketProperty['priority'];
    slot: number;
    itemId: string;
    due: number;
    created: number;
    state: TicketState;
    resolvedAt: number | null;
    sprintId: number | null;
    service: string;
    category: string;
  },
): { id: number; key: string } {
  const id = store.nextId('issue', 10000);
  const key = `${project.key}-${store.nextId(`issue-seq:${project.id}`, 1)}`;
  const property: ActionTicketProperty = {
    incident: t.incidentKey,
    slot: t.slot,
    itemId: t.itemId,
    priority: t.priority,
    service: t.service,
    category: t.category,
    ...(t.resolvedAt !== null ? { resolvedOnTime: t.resolvedAt <= t.due + DAY - 1 ? 1 : 0 } : {}),
  };
  const ticket: IssueRec = {
    id,
    key,
    projectId: project.id,
    issueTypeId: '10001',
    summary: t.summary,
    description: {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: `Action item from the post-mortem of ${t.incidentKey}.` }],
        },
      ],
    },
    statusId: STATUS_ID[t.state],
    priorityId: t.priority === 'P1' ? '1' : t.priority === 'P2' ? '2' : '3',
    assigneeId: t.owner,
    reporterId: t.reporter,
    labels: [ACTION_LABEL],
    created: jiraTime(t.created),
    updated: jiraTime(t.resolvedAt ?? t.created),
    resolutiondate: t.resolvedAt !== null ? jiraTime(t.resolvedAt) : null,
    duedate: isoDate(t.due),
    sprintIds: t.sprintId !== null ? [t.sprintId] : [],
    properties: { [ACTION_PROPERTY]: property },
    comments: [],
    changelog: [],
  };
  store.putIssue(ticket);
  store.putLink({
    id: String(store.nextId('link', 10000)),
    typeId: ACTION_LINK_TYPE_ID,
    // As POST /issueLink {inwardIssue: incident, outwardIssue: ticket}: "incident has action item ticket".
    inwardIssueId: t.incidentId,
    outwardIssueId: id,
  });
  return { id, key };
}

/** The ids the seed gives the app's link types (what install would create). */
export const ACTION_LINK_TYPE_ID = '10050';
export const REPEAT_LINK_TYPE_ID = '10051';
