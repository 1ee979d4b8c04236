import { HttpError, forbidden } from '../http-error';
import { can, editableIssue } from '../permissions';
import { noContent, obj, ok, str, type RouteTable } from './types';

const STATE_ORDER = { closed: 0, active: 1, future: 2 } as const;

export const agileRoutes: RouteTable = {
  'GET /rest/agile/1.0/board': ({ store, caller, query, base }) => {
    const projectRef = query.get('projectKeyOrId');
    const type = query.get('type');
    const boards = [...store.boards.values()].filter((b) => {
      const p = store.projects.get(b.projectId);
      if (!p || !can(caller, p, 'BROWSE')) return false;
      if (projectRef && p.key !== projectRef.toUpperCase() && p.id !== projectRef) return false;
      return !type || type.split(',').includes(b.type);
    });
    const values = boards.map((b) => {
      const p = store.projects.get(b.projectId);
      return {
        id: b.id,
        self: `${base}/rest/agile/1.0/board/${b.id}`,
        name: b.name,
        type: b.type,
        location: {
          projectId: Number(b.projectId),
          projectKey: p?.key,
          projectName: p?.name,
          displayName: `${p?.name} (${p?.key})`,
        },
      };
    });
    return ok({ isLast: true, maxResults: 50, startAt: 0, total: values.length, values });
  },

  'GET /rest/agile/1.0/board/{boardId}/sprint': ({ store, caller, params, query, render }) => {
    const board = store.boards.get(Number(params.boardId));
    const project = board ? store.projects.get(board.projectId) : undefined;
    if (!board || !project || !can(caller, project, 'BROWSE'))
      throw new HttpError(404, [`Board ${params.boardId} does not exist or you do not have permission to see it.`]);
    if (board.type !== 'scrum') throw new HttpError(400, ['The board does not support sprints']);
    const states = (query.get('state') ?? 'future,active,closed').split(',');
    // Jira orders sprints by state (closed, active, future), then by their position on the board.
    const values = [...store.sprints.values()]
      .filter((s) => s.boardId === board.id && states.includes(s.state))
      .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.rank - b.rank)
      .map((s) => render.sprint(s));
    const startAt = Number(query.get('startAt') ?? 0);
    const max = Math.min(Number(query.get('maxResults') ?? 50), 50);
    return ok({
      isLast: startAt + max >= values.length,
      maxResults: max,
      startAt,
      values: values.slice(startAt, startAt + max),
    });
  },

  'POST /rest/agile/1.0/sprint': ({ store, caller, body, render }) => {
    const b = obj(body);
    const board = store.boards.get(typeof b.originBoardId === 'number' ? b.originBoardId : -1);
    const project = board ? store.projects.get(board.projectId) : undefined;
    if (!board || !project) throw new HttpError(400, [], { originBoardId: 'Board does not exist.' });
    if (!can(caller, project, 'ADMIN')) throw forbidden(`manage sprints on board ${board.name}`);
    const name = str(b.name)?.trim();
    if (!name) throw new HttpError(400, [], { name: 'Sprint name is required.' });
    // Jira stores sprint dates as instants and answers them in ISO form ("2026-12-01T09:00:00.000Z").
    const dates: Record<string, string | undefined> = {};
    for (const k of ['startDate', 'endDate'] as const) {
      const v = str(b[k]);
      if (v === undefined) continue;
      const t = Date.parse(v);
      if (Number.isNaN(t)) throw new HttpError(400, [], { [k]: `Invalid date format for ${k}.` });
      dates[k] = new Date(t).toISOString();
    }
    const id = store.nextId('sprint', 1);
    const rank =
      Math.max(0, ...[...store.sprints.values()].filter((s) => s.boardId === board.id).map((s) => s.rank)) + 1;
    const sprint = {
      id,
      name,
      state: 'future' as const,
      boardId: board.id,
      rank,
      startDate: dates.startDate,
      endDate: dates.endDate,
      goal: str(b.goal),
    };
    store.putSprint(sprint);
    return ok(render.sprint(sprint), 201);
  },

  'POST /rest/agile/1.0/sprint/{sprintId}/issue': ({ store, caller, params, body }) => {
    const sprint = store.sprints.get(Number(params.sprintId));
    if (!sprint) throw new HttpError(404, [`Sprint ${params.sprintId} does not exist.`]);
    if (sprint.state === 'closed') throw new HttpError(400, ['Issues cannot be moved to a closed sprint.']);
    const keys = Array.isArray(obj(body).issues)
      ? (obj(body).issues as unknown[]).filter((k): k is string => typeof k === 'string')
      : [];
    if (keys.length > 50) throw new HttpError(400, ['At most 50 issues can be moved in one request.']);
    const issues = keys.map((k) => editableIssue(store, caller, k));
    store.batch(() => {
      for (const i of issues) {
        i.sprintIds = [sprint.id];
        store.putIssue(i);
      }
    });
    return noContent();
  },
};
