import { proposeNextSprint } from '../domain/sprints';
import { createSprint, getScrumBoards, getSprints } from '../jira/agile';
import type { JiraTransport } from '../jira/transport';
import type { SprintAnswer } from '../shared/contract';
import { AppFailure } from './failure';

/** Creates the board's next sprint, following its rhythm, as the person (Jira decides whether they may). */
export async function createNextSprint(jira: JiraTransport, projectKey: string, now: number): Promise<SprintAnswer> {
  const board = (await getScrumBoards(jira, projectKey))[0];
  if (!board) throw new AppFailure('PRECONDITION', `Project ${projectKey} has no scrum board.`);
  const sprints = await getSprints(jira, board.id, 'future,active');
  const future = sprints.filter((s) => s.state === 'future');
  if (future.length > 0)
    return {
      id: future[0]?.id ?? 0,
      name: future[0]?.name ?? '',
      startDate: future[0]?.startDate ?? null,
      endDate: future[0]?.endDate ?? null,
    };
  const s = await createSprint(jira, proposeNextSprint(sprints, board.id, now));
  return { id: s.id, name: s.name, startDate: s.startDate ?? null, endDate: s.endDate ?? null };
}
