import { z } from 'zod';
import { firstWorkColumn } from '../domain/board-columns';
import { describeDueTarget } from '../domain/due-dates';
import { INDEX_PROPERTY } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { getBoardConfiguration, getProjectBoards } from '../jira/boards';
import { searchPage } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { PanelFollowUp } from '../shared/follow-up';
import type { KeyValueStore } from '../storage/kvs';
import { projectSettings } from './settings';

const IndexSchema = z.object({ repeatWhileOpen: z.number().optional() });

/**
 * The panel's follow-up note, loaded on its own after the panel (so the panel's first load costs nothing more):
 * where Rule 2 puts tickets, the default due date of each priority, and whether this incident recurred.
 */
export async function panelFollowUp(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  projectKey: string,
): Promise<PanelFollowUp> {
  const [settings, boards, repeats] = await Promise.all([
    projectSettings(kvs, projectKey),
    getProjectBoards(jira, projectKey),
    searchPage(jira, jql.repeatsOf(projectKey, issueKey), { properties: [INDEX_PROPERTY], maxResults: 50 }),
  ]);
  const board =
    (settings.boardId !== null ? boards.find((b) => b.id === settings.boardId) : undefined) ??
    boards.find((b) => b.type === 'scrum') ??
    boards[0];
  const kanban = Boolean(board && board.type !== 'scrum');
  let column: string | null = null;
  if (board && kanban) {
    const config = await getBoardConfiguration(jira, board.id);
    column =
      firstWorkColumn(
        config.columnConfig.columns.map((c) => ({ name: c.name, statusIds: c.statuses.map((s) => s.id) })),
      )?.name ?? null;
  }
  const rule = (p: 'P1' | 'P2' | 'P3') => describeDueTarget(settings.dueTargets[p], kanban, settings.kanbanDays);
  return {
    placement: { kind: kanban ? 'kanban' : 'sprint', board: board?.name ?? null, column },
    dueRules: { P1: rule('P1'), P2: rule('P2'), P3: rule('P3') },
    recurredBy: repeats.issues.map((i) => ({
      key: i.key,
      whileOpen: IndexSchema.safeParse(i.properties?.[INDEX_PROPERTY]).data?.repeatWhileOpen === 1,
    })),
  };
}
