import type { IssueRec, StatusRec } from './state/model';
import type { JiraStore } from './state/store';

/**
 * The emulator's one workflow, shaped like a company-managed Jira Software workflow: transitions have ids of their
 * own (not the target status id) and only listed moves are allowed. "Done" sets the resolution (a Jira workflow's
 * resolution screen or post-function) and leaving a done status clears it; "Closed" is a done status whose
 * transition sets no resolution, as many real sites have (then `resolved` stays empty).
 */
export interface TransitionDef {
  id: string;
  name: string;
  to: string;
  from: string[];
  resolutionId?: string;
}

export const CLOSED_STATUS: StatusRec = { id: '10004', name: 'Closed', category: 'done' };
export const RESOLUTIONS = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue will not be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
];

const TODO = '10000';
const PROGRESS = '10001';
const BLOCKED = '10002';
const DONE = '10003';
const CLOSED = CLOSED_STATUS.id;

export const TRANSITIONS: TransitionDef[] = [
  { id: '11', name: 'Back to To Do', to: TODO, from: [PROGRESS, BLOCKED] },
  { id: '21', name: 'Start progress', to: PROGRESS, from: [TODO, BLOCKED] },
  { id: '31', name: 'Block', to: BLOCKED, from: [TODO, PROGRESS] },
  { id: '41', name: 'Done', to: DONE, from: [TODO, PROGRESS, BLOCKED], resolutionId: '10000' },
  { id: '51', name: 'Close', to: CLOSED, from: [TODO, PROGRESS, BLOCKED] },
  { id: '61', name: 'Reopen', to: TODO, from: [DONE, CLOSED] },
];

export const transitionsFrom = (statusId: string) => TRANSITIONS.filter((t) => t.from.includes(statusId));

/** Site defaults that older emulator files may lack: added on start, never changed. */
export function ensureWorkflow(store: JiraStore): void {
  if (!store.statuses.has(CLOSED_STATUS.id)) store.putStatus(CLOSED_STATUS);
  for (const r of RESOLUTIONS) if (!store.resolutions.has(r.id)) store.putResolution(r);
  if (!store.fields.has('resolution'))
    store.putField({ id: 'resolution', name: 'Resolution', custom: false, schemaType: 'resolution' });
}

/** The issue's resolution: seeded records predate the field, and a resolution date means "Done" there. */
export function resolutionOf(issue: IssueRec): string | null {
  if (issue.resolutionId !== undefined) return issue.resolutionId;
  return issue.resolutiondate ? '10000' : null;
}
