import type { JiraStore } from '../emulator/state/store';
import { jiraTime, type IssueRec } from '../emulator/state/model';
import { DEMO_USERS } from './generate';

/**
 * A Kanban team beside the scrum one: a project whose board has no sprints, with a backlog column, so Rule 2
 * puts action tickets at the top of "Selected for Development". Seeded after seedDemo (it reuses its users and
 * the Incident type). The panel helper's realistic Kanban seed can call this or replace its texts.
 */
export const KANBAN_PROJECT = { id: '10100', key: 'KAN', name: 'Payments Kanban' } as const;
export const SELECTED_STATUS = { id: '10004', name: 'Selected for Development', category: 'new' as const };
export const KANBAN_BOARD_ID = 20;

export function seedKanbanProject(store: JiraStore, now: number): { boardId: number; queued: string[] } {
  const queued: string[] = [];
  store.batch(() => {
    store.putStatus(SELECTED_STATUS);
    store.putProject({
      ...KANBAN_PROJECT,
      leadAccountId: 'acc-alice',
      permissions: Object.fromEntries(DEMO_USERS.map((u) => [u.accountId, [...u.perms]])),
    });
    store.putBoard({
      id: KANBAN_BOARD_ID,
      name: 'Payments flow',
      type: 'kanban',
      projectId: KANBAN_PROJECT.id,
      columns: [
        { name: 'Backlog', statusIds: ['10000'] },
        { name: 'Selected for Development', statusIds: [SELECTED_STATUS.id] },
        { name: 'In Progress', statusIds: ['10001', '10002'] },
        { name: 'Done', statusIds: ['10003'] },
      ],
    });
    // Work the team already queued: a new action ticket must go above it.
    const task = [...store.issueTypes.values()].find((t) => t.name === 'Task');
    for (const summary of [
      'Upgrade the card-vault client',
      'Rotate the acquirer API keys',
      'Remove the v1 refunds API',
    ]) {
      const id = store.nextId('issue', 10000);
      const key = `${KANBAN_PROJECT.key}-${store.nextId(`issue-seq:${KANBAN_PROJECT.id}`, 1)}`;
      const issue: IssueRec = {
        id,
        key,
        projectId: KANBAN_PROJECT.id,
        issueTypeId: task?.id ?? '10001',
        summary,
        description: null,
        statusId: SELECTED_STATUS.id,
        priorityId: '3',
        assigneeId: 'acc-bob',
        reporterId: 'acc-alice',
        labels: [],
        created: jiraTime(now - 3 * 86_400_000),
        updated: jiraTime(now - 3 * 86_400_000),
        resolutiondate: null,
        duedate: null,
        sprintIds: [],
        properties: {},
        comments: [],
        changelog: [],
      };
      store.putIssue(issue);
      queued.push(key);
    }
  });
  return { boardId: KANBAN_BOARD_ID, queued };
}
