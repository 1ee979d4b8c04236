import { proposeNextSprint } from '../domain/sprints';
import { createSprint, getSprints } from '../jira/agile';
import { getProjectBoards } from '../jira/boards';
import type { JiraTransport } from '../jira/transport';
import type { SprintAnswer } from '../shared/contract';
import type { KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';
import { projectSettings } from './settings';

/**
 * Creates the next sprint of the board the settings chose (else the first scrum board), following its rhythm,
 * as the person (Jira decides whether they may), unless the project's settings forbid the app to do so.
 */
export async function createNextSprint(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  now: number,
): Promise<SprintAnswer> {
  const [settings, boards] = await Promise.all([projectSettings(kvs, projectKey), getProjectBoards(jira, projectKey)]);
  const scrum = boards.filter((b) => b.type === 'scrum');
  const board = scrum.find((b) => b.id === settings.boardId) ?? scrum[0];
  if (!board) throw new AppFailure('PRECONDITION', `Project ${projectKey} has no scrum board.`);
  if (!settings.mayCreateSprint)
    throw new AppFailure(
      'PRECONDITION',
      `Project ${projectKey}'s settings do not let the app create sprints: ask the team to plan the next sprint on board "${board.name}".`,
    );
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
