import { firstWorkColumn, type Column } from '../domain/board-columns';
import { defaultDueDate } from '../domain/due-dates';
import { jql as q } from '../domain/jql';
import { nextSprint, sprintEndDate } from '../domain/sprints';
import { getSprints } from '../jira/agile';
import { getBoardConfiguration, getBoardIssues, getProjectBoards, rankIssuesBefore } from '../jira/boards';
import { getIssue, getTransitions, transitionIssue } from '../jira/issues';
import type { Sprint } from '../jira/schemas';
import type { JiraTransport } from '../jira/transport';
import type { ActionItem } from '../shared/postmortem';
import type { ProjectSettings } from '../shared/settings';
import { AppFailure } from './failure';

/** Where Rule 2 puts the tickets of one incident: the next sprint of a scrum board, or a Kanban board's column. */
export type BoardTarget =
  | { kind: 'sprint'; board: { id: number; name: string }; sprint: Sprint }
  | { kind: 'kanban'; board: { id: number; name: string }; column: Column };

/**
 * The board the settings chose (else the project's first scrum board, else its first board), and on it the
 * next future sprint or, for a board without sprints, the first column after the backlog.
 */
export async function resolveBoardTarget(
  jira: JiraTransport,
  projectKey: string,
  settings: ProjectSettings,
  /** The project's boards when the caller already asked for them (in parallel with something else). */
  known?: Awaited<ReturnType<typeof getProjectBoards>>,
): Promise<BoardTarget> {
  const boards = known ?? (await getProjectBoards(jira, projectKey));
  const board =
    (settings.boardId !== null ? boards.find((b) => b.id === settings.boardId) : undefined) ??
    boards.find((b) => b.type === 'scrum') ??
    boards[0];
  if (!board)
    throw new AppFailure(
      'PRECONDITION',
      `Project ${projectKey} has no board, so there is nowhere to put action items. Rule 2 puts them on the team's board (the next sprint, or the top of a Kanban board), never the backlog: add a board first.`,
    );
  if (board.type !== 'scrum') {
    const config = await getBoardConfiguration(jira, board.id);
    const column = firstWorkColumn(
      config.columnConfig.columns.map((c) => ({ name: c.name, statusIds: c.statuses.map((s) => s.id) })),
    );
    if (!column)
      throw new AppFailure(
        'PRECONDITION',
        `Board "${board.name}" has no column with a status: no ticket can be on it.`,
      );
    return { kind: 'kanban', board: { id: board.id, name: board.name }, column };
  }
  const sprint = nextSprint(await getSprints(jira, board.id, 'future'));
  if (!sprint)
    throw new AppFailure(
      'PRECONDITION',
      `Board "${board.name}" has no future sprint. Rule 2 puts action items directly in the next sprint, never the backlog, so no ticket was created.`,
      undefined,
      settings.mayCreateSprint ? 'create-sprint' : undefined,
    );
  return { kind: 'sprint', board: { id: board.id, name: board.name }, sprint };
}

/** The item's own due date, else the project's target for its priority. */
export function dueDateFor(item: ActionItem, settings: ProjectSettings, target: BoardTarget, now: number): string {
  if (item.dueDate) return item.dueDate;
  const placement =
    target.kind === 'sprint'
      ? { kind: 'sprint' as const, sprintEnd: sprintEndDate(target.sprint, now) }
      : { kind: 'kanban' as const };
  return defaultDueDate(item.priority, settings, placement, now);
}

/**
 * Kanban: moves the ticket into the column (a transition to one of its statuses, if it is not there yet) and ranks
 * it above the column's current top issue. Repeatable: a ticket already at the top is left where it is.
 */
export async function placeOnKanban(
  jira: JiraTransport,
  target: Extract<BoardTarget, { kind: 'kanban' }>,
  ticketKey: string,
): Promise<void> {
  const ticket = await getIssue(jira, ticketKey, { fields: ['status'] });
  const statusId = ticket.fields?.status?.id ?? '';
  if (!target.column.statusIds.includes(statusId)) {
    const { transitions } = await getTransitions(jira, ticketKey);
    const move = transitions.find((t) => t.to?.id !== undefined && target.column.statusIds.includes(t.to.id));
    if (!move)
      throw new AppFailure(
        'PRECONDITION',
        `${ticketKey} cannot be moved into column "${target.column.name}": its workflow has no transition there.`,
      );
    await transitionIssue(jira, ticketKey, move.id);
  }
  const top = await getBoardIssues(jira, target.board.id, q.statusIn(target.column.statusIds), 1);
  const first = top[0];
  if (first && first.key !== ticketKey) await rankIssuesBefore(jira, [ticketKey], first.key);
}
