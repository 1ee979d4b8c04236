import { createHash } from 'node:crypto';
import { HttpError } from '../http-error';
import { compileJql } from '../jql/evaluate';
import { JqlError } from '../jql/errors';
import { can } from '../permissions';
import type { IssueRec } from '../state/model';
import { obj, ok, str, type RouteRequest, type RouteTable } from './types';

const MAX_RESULTS = 5000;
const gone = () =>
  new HttpError(410, [
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  ]);

/** Issues matching the JQL that the caller may browse, in the query's order. */
function runJql(req: RouteRequest, jql: string): IssueRec[] {
  if (!req.store.cacheSearches) return evaluateJql(req, jql);
  const key = `${req.caller.user.accountId}|${req.now}|${jql}`;
  const hit = req.store.searchCache.get(key);
  if (hit && hit.version === req.store.version) return hit.issues;
  const issues = evaluateJql(req, jql);
  if (req.store.searchCache.size >= 100) req.store.searchCache.clear();
  req.store.searchCache.set(key, { version: req.store.version, issues });
  return issues;
}

function evaluateJql(req: RouteRequest, jql: string): IssueRec[] {
  if (!jql.trim())
    throw new HttpError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  let compiled;
  try {
    compiled = compileJql(jql, {
      store: req.store,
      index: req.index,
      accountId: req.caller.user.accountId,
      now: req.now,
    });
  } catch (e) {
    if (e instanceof JqlError) throw new HttpError(400, [e.message]);
    throw e;
  }
  if (!compiled.where)
    throw new HttpError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  const browsable = new Set(
    [...req.store.projects.values()].filter((p) => can(req.caller, p, 'BROWSE')).map((p) => p.id),
  );
  const out: IssueRec[] = [];
  for (const i of req.store.issues.values()) if (browsable.has(i.projectId) && compiled.where(i)) out.push(i);
  return out.sort(compiled.compare);
}

const tokenFor = (jql: string, offset: number) =>
  Buffer.from(JSON.stringify({ o: offset, h: createHash('sha1').update(jql).digest('hex').slice(0, 12) })).toString(
    'base64url',
  );

function readToken(jql: string, token: string): number {
  try {
    const t = obj(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    if (typeof t.o === 'number' && t.h === createHash('sha1').update(jql).digest('hex').slice(0, 12)) return t.o;
  } catch {
    /* fall through */
  }
  throw new HttpError(400, ['The provided next page token is invalid or expired, or does not belong to this query.']);
}

const csv = (v: unknown): string[] =>
  (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v.split(',') : [])
    .map((s) => s.trim())
    .filter(Boolean);

export const searchRoutes: RouteTable = {
  'POST /rest/api/3/search/jql': (req) => {
    const b = obj(req.body);
    const jql = str(b.jql) ?? '';
    const fields = b.fields === undefined ? ['id'] : csv(b.fields);
    const properties = csv(b.properties);
    if (properties.length > 5) throw new HttpError(400, ['At most 5 issue properties can be requested.']);
    const requested = typeof b.maxResults === 'number' ? b.maxResults : 50;
    if (requested < 1) throw new HttpError(400, [], { maxResults: 'maxResults must be at least 1.' });
    // Like Jira, fewer issues come back per page when many fields are asked for.
    const heavy = fields.some((f) => f === '*all' || f === '*navigable');
    const onlyIds = fields.every((f) => f === 'id' || f === 'key');
    const cap = onlyIds ? MAX_RESULTS : heavy ? 100 : 1000;
    const pageSize = Math.min(requested, cap);
    const offset = typeof b.nextPageToken === 'string' ? readToken(jql, b.nextPageToken) : 0;
    const all = runJql(req, jql);
    const page = all.slice(offset, offset + pageSize);
    const isLast = offset + pageSize >= all.length;
    const expand = csv(b.expand);
    const body: Record<string, unknown> = {
      issues: page.map((i) => req.render.issue(i, fields, properties, expand)),
      isLast,
    };
    if (!isLast) body.nextPageToken = tokenFor(jql, offset + pageSize);
    return ok(body);
  },

  'POST /rest/api/3/search/approximate-count': (req) => ok({ count: runJql(req, str(obj(req.body).jql) ?? '').length }),

  'GET /rest/api/3/search/jql': (req) => {
    const jql = req.query.get('jql') ?? '';
    const all = runJql(req, jql);
    const size = Math.min(Number(req.query.get('maxResults') ?? 50), MAX_RESULTS);
    const fields = req.query.has('fields') ? csv(req.query.get('fields')) : ['id'];
    return ok({
      issues: all.slice(0, size).map((i) => req.render.issue(i, fields, [])),
      isLast: all.length <= size,
      ...(all.length > size ? { nextPageToken: tokenFor(jql, size) } : {}),
    });
  },

  // Removed by Atlassian: the old search answers 410 Gone.
  'GET /rest/api/3/search': () => {
    throw gone();
  },
  'POST /rest/api/3/search': () => {
    throw gone();
  },
};
