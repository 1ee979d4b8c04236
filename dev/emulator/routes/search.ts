import { createHash } from 'node:crypto';
import { HttpError } from '../http-error';
import { candidates } from '../jql/candidates';
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

/**
 * Issues matching the JQL that the caller may browse, in the query's order, as the (possibly lagging) index sees them.
 */
function runJql(req: RouteRequest, jql: string, reconcile: number[] = []): IssueRec[] {
  // Knob cacheSearches: a repeated search is answered from memory until the next write (not with reconcileIssues).
  if (!req.store.cacheSearches || reconcile.length > 0) return evaluateJql(req, jql, reconcile);
  const key = `${req.caller.user.accountId}|${req.now}|${jql}`;
  const hit = req.store.searchCache.get(key);
  if (hit && hit.version === req.store.version) return hit.issues;
  const issues = evaluateJql(req, jql, reconcile);
  // Bounded by the issues held, not the number of queries: a view and a history build ask hundreds of queries.
  const held = [...req.store.searchCache.values()].reduce((n, e) => n + e.issues.length, 0);
  if (held + issues.length > 5_000_000) req.store.searchCache.clear();
  req.store.searchCache.set(key, { version: req.store.version, issues });
  return issues;
}

function evaluateJql(req: RouteRequest, jql: string, reconcile: number[]): IssueRec[] {
  if (!jql.trim())
    throw new HttpError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  const canBrowse = (projectId: string) => {
    const p = req.store.projects.get(projectId);
    return Boolean(p && can(req.caller, p, 'BROWSE'));
  };
  let compiled;
  try {
    compiled = compileJql(jql, {
      store: req.store,
      index: req.index,
      accountId: req.caller.user.accountId,
      now: req.now,
      timeZone: req.caller.user.timeZone || 'UTC',
      canBrowse,
    });
  } catch (e) {
    if (e instanceof JqlError) throw new HttpError(400, e.messages);
    throw e;
  }
  if (!compiled.where)
    throw new HttpError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  const reconciled = new Set(reconcile);
  const out: IssueRec[] = [];
  const where = compiled.where;
  const consider = (current: IssueRec) => {
    const seen = req.store.indexed(current, reconciled);
    if (seen && canBrowse(seen.projectId) && where(seen)) out.push(current);
  };
  // Only issues that can match (jql/candidates.ts); those still within the index lag are judged as search sees them.
  const { issues, lagging } = candidates(req.store, compiled.narrow);
  for (const current of issues) consider(current);
  for (const current of lagging) consider(current);
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

/**
 * Page size. Jira: "API may return fewer items per page where a large number of fields are requested. The greatest
 * number of items returned per page is achieved when requesting id or key only. It returns max 5000 issues."
 * (spec, SearchAndReconcileRequestBean.maxResults). The figures below are the emulator's model, not Jira's: each
 * property costs as much as many fields; knob maxPageSize forces small pages so tests prove callers follow
 * nextPageToken.
 */
function pageSize(requested: number, fields: string[], properties: string[], forced: number | null): number {
  const heavy = fields.some((f) => f === '*all' || f === '*navigable');
  const onlyIds = fields.every((f) => f === 'id' || f === 'key') && properties.length === 0;
  const weight = 1 + fields.length / 10 + properties.length * 4;
  const cap = onlyIds ? MAX_RESULTS : heavy ? 100 : Math.max(50, Math.floor(1000 / weight));
  return Math.max(1, Math.min(requested, cap, forced ?? Infinity));
}

interface SearchInput {
  jql: string;
  fields: string[];
  properties: string[];
  expand: string[];
  maxResults: number;
  nextPageToken?: string;
  reconcileIssues: number[];
}

function search(req: RouteRequest, q: SearchInput) {
  if (q.properties.length > 5) throw new HttpError(400, ['At most 5 issue properties can be requested.']);
  if (q.maxResults < 1) throw new HttpError(400, [], { maxResults: 'maxResults must be at least 1.' });
  // Spec: reconcileIssues "Accepts max 50 ids."
  if (q.reconcileIssues.length > 50)
    throw new HttpError(400, ['The number of issues to reconcile (reconcileIssues) must not exceed 50.']);
  const size = pageSize(q.maxResults, q.fields, q.properties, req.knobs.maxPageSize);
  const offset = q.nextPageToken !== undefined ? readToken(q.jql, q.nextPageToken) : 0;
  const all = runJql(req, q.jql, q.reconcileIssues);
  const page = all.slice(offset, offset + size);
  const isLast = offset + size >= all.length;
  const issues = page.map((i) => req.render.issue(i, q.fields, q.properties, q.expand, { inSearch: true }));
  const body: Record<string, unknown> = { issues, isLast };
  if (q.expand.includes('names')) body.names = req.render.names(q.fields);
  if (!isLast) body.nextPageToken = tokenFor(q.jql, offset + size);
  return ok(body);
}

const ids = (v: unknown): number[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []).map(Number).filter(Number.isInteger);

export const searchRoutes: RouteTable = {
  'POST /rest/api/3/search/jql': (req) => {
    const b = obj(req.body);
    return search(req, {
      jql: str(b.jql) ?? '',
      fields: b.fields === undefined ? ['id'] : csv(b.fields),
      properties: csv(b.properties),
      expand: csv(b.expand),
      maxResults: typeof b.maxResults === 'number' ? b.maxResults : 50,
      nextPageToken: str(b.nextPageToken),
      reconcileIssues: ids(b.reconcileIssues),
    });
  },

  'POST /rest/api/3/search/approximate-count': (req) => {
    const b = obj(req.body);
    return ok({ count: runJql(req, str(b.jql) ?? '').length });
  },

  'GET /rest/api/3/search/jql': (req) => {
    const q = req.query;
    return search(req, {
      jql: q.get('jql') ?? '',
      fields: q.has('fields') ? csv(q.getAll('fields').join(',')) : ['id'],
      properties: csv(q.getAll('properties').join(',')),
      expand: csv(q.get('expand') ?? ''),
      maxResults: q.has('maxResults') ? Number(q.get('maxResults')) : 50,
      nextPageToken: q.get('nextPageToken') ?? undefined,
      reconcileIssues: ids(q.getAll('reconcileIssues').join(',')),
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
