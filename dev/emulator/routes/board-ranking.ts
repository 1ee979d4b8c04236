import { HttpError } from '../http-error';
import { compileJql } from '../jql/evaluate';
import { JqlError } from '../jql/errors';
import { can, editableIssue } from '../permissions';
import type { BoardRec, IssueRec } from '../state/model';
import type { JiraStore } from '../state/store';
import { noContent, obj, ok, str, type RouteRequest, type RouteTable } from './types';

/**
 * Board columns and ranking (Agile API): GET board configuration, GET board issues (in rank order) and
 * PUT issue/rank. Kept apart from agile.ts (sprints) so each stays small. Jira ranks with LexoRank strings;
 * the emulator keeps a number per issue, defaulting to creation order, which orders the same way.
 */
export const rankOf = (i: IssueRec): number => i.rank ?? i.id * 1000;

export function boardColumns(store: JiraStore, board: BoardRec): { name: string; statusIds: string[] }[] {
  if (board.columns) return board.columns;
  const of = (category: string) => [...store.statuses.values()].filter((s) => s.category === category).map((s) => s.id);
  return [
    { name: 'To Do', statusIds: of('new') },
    { name: 'In Progress', statusIds: of('indeterminate') },
    { name: 'Done', statusIds: of('done') },
  ];
}

function visibleBoard(req: RouteRequest): BoardRec {
  const board = req.store.boards.get(Number(req.params.boardId));
  const project = board ? req.store.projects.get(board.projectId) : undefined;
  if (!board || !project || !can(req.caller, project, 'BROWSE'))
    throw new HttpError(404, [`Board ${req.params.boardId} does not exist or you do not have permission to see it.`]);
  return board;
}

export const boardRankingRoutes: RouteTable = {
  'GET /rest/agile/1.0/board/{boardId}/configuration': (req) => {
    const board = visibleBoard(req);
    const columns = boardColumns(req.store, board).map((c) => ({
      name: c.name,
      statuses: c.statusIds.map((id) => ({ id, self: `${req.base}/rest/api/3/status/${id}` })),
    }));
    return ok({
      id: board.id,
      name: board.name,
      type: board.type,
      self: `${req.base}/rest/agile/1.0/board/${board.id}/configuration`,
      location: { type: 'project', projectKeyOrId: req.store.projects.get(board.projectId)?.key ?? board.projectId },
      columnConfig: { columns, constraintType: 'none' },
      ranking: { rankCustomFieldId: 10019 },
    });
  },

  // An issue is on the board when it is in the board's project and its status is mapped to a column.
  'GET /rest/agile/1.0/board/{boardId}/issue': (req) => {
    const board = visibleBoard(req);
    const mapped = new Set(boardColumns(req.store, board).flatMap((c) => c.statusIds));
    const jql = req.query.get('jql');
    let where: ((i: IssueRec) => boolean) | null = null;
    if (jql) {
      try {
        where = compileJql(jql, {
          store: req.store,
          index: req.index,
          accountId: req.caller.user.accountId,
          now: req.now,
          timeZone: req.caller.user.timeZone || 'UTC',
          canBrowse: (projectId) => {
            const p = req.store.projects.get(projectId);
            return Boolean(p && can(req.caller, p, 'BROWSE'));
          },
        }).where;
      } catch (e) {
        if (e instanceof JqlError) throw new HttpError(400, e.messages);
        throw e;
      }
    }
    const all = [...req.store.issues.values()]
      .filter((i) => i.projectId === board.projectId && mapped.has(i.statusId) && (!where || where(i)))
      .sort((a, b) => rankOf(a) - rankOf(b));
    const startAt = Number(req.query.get('startAt') ?? 0);
    const max = Math.min(Number(req.query.get('maxResults') ?? 50), 50);
    const issues = all
      .slice(startAt, startAt + max)
      .map((i) => ({ ...req.render.issue(i, ['status'], []), expand: '' }));
    return ok({ expand: 'names,schema', startAt, maxResults: max, total: all.length, issues });
  },

  'PUT /rest/agile/1.0/issue/rank': (req) => {
    const b = obj(req.body);
    const keys = Array.isArray(b.issues) ? b.issues.filter((k): k is string => typeof k === 'string') : [];
    if (keys.length === 0 || keys.length > 50) throw new HttpError(400, ['Rank between 1 and 50 issues at once.']);
    const before = str(b.rankBeforeIssue);
    const after = str(b.rankAfterIssue);
    if (Boolean(before) === Boolean(after))
      throw new HttpError(400, ['Give exactly one of rankBeforeIssue and rankAfterIssue.']);
    const anchor = editableIssue(req.store, req.caller, before ?? after ?? '');
    const moving = keys.map((k) => editableIssue(req.store, req.caller, k)).filter((i) => i.id !== anchor.id);
    const movingIds = new Set(moving.map((i) => i.id));
    const others = [...req.store.issues.values()]
      .filter((i) => i.projectId === anchor.projectId && !movingIds.has(i.id))
      .sort((x, y) => rankOf(x) - rankOf(y));
    const at = others.findIndex((i) => i.id === anchor.id) + (before ? 0 : 1);
    const lo = at > 0 ? rankOf(others[at - 1] ?? anchor) : rankOf(anchor) - 1000 * (moving.length + 1);
    const hi = at < others.length ? rankOf(others[at] ?? anchor) : rankOf(anchor) + 1000 * (moving.length + 1);
    const step = (hi - lo) / (moving.length + 1);
    req.store.batch(() =>
      moving.forEach((i, n) => {
        i.rank = lo + step * (n + 1);
        req.store.putIssue(i);
      }),
    );
    return noContent();
  },
};
