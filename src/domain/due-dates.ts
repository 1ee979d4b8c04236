import type { PRIORITIES } from '../shared/postmortem';
import type { DueTarget, ProjectSettings } from '../shared/settings';

const DAY = 86_400_000;

/** Where Rule 2 puts a ticket: in a sprint (ending at `sprintEnd`, a date) or on a Kanban board. */
export type Placement = { kind: 'sprint'; sprintEnd: string } | { kind: 'kanban' };

const addDays = (now: number, days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);

/**
 * The default due date of an action ticket from its priority (the project's targets): a number of days after
 * today, or the end of the next sprint, which on a board without sprints becomes the Kanban target.
 */
export function defaultDueDate(
  priority: (typeof PRIORITIES)[number],
  settings: Pick<ProjectSettings, 'dueTargets' | 'kanbanDays'>,
  placement: Placement,
  now: number,
): string {
  const target = settings.dueTargets[priority];
  if (target !== 'sprint') return addDays(now, target);
  return placement.kind === 'sprint' ? placement.sprintEnd : addDays(now, settings.kanbanDays);
}

/** The target in words, as the panel and settings show it next to an action item. */
export function describeDueTarget(target: DueTarget, kanban: boolean, kanbanDays: number): string {
  if (target !== 'sprint') return `${target} days after the ticket is created`;
  return kanban ? `${kanbanDays} days (Kanban: no sprints)` : 'the end of the next sprint';
}
