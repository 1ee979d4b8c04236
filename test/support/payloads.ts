import type { ResolverName } from '../../src/shared/contract';
import { hostileString, type rng } from './generate';
import { filledPostMortem } from './incidents';

/** A valid payload per resolver: the generator breaks each in one place. */
export const VALID: Partial<Record<ResolverName, unknown>> = {
  'panel/save': { doc: filledPostMortem(2), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
  'actions/create': { requestId: 'request-123456' },
  'review/outcome': { ticketKey: 'OPS-1', outcome: 'done', note: '', reassignTo: null, baseVersion: 0 },
  'users/search': { query: 'a' },
  'settings/save': {
    categories: ['Deploy'],
    ticketIssueType: 'Task',
    priorityMap: { P1: 'Highest', P2: 'High', P3: 'Medium' },
  },
  'report/headline': { windowDays: 90, service: null, category: null },
  'report/details': { windowDays: 90, service: null, category: null },
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function toJson(v: unknown): Json {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return null;
}

/** Every path into a JSON value (objects and arrays), root excluded. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return entries.flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
}

function getAt(v: Json, path: (string | number)[]): Json {
  const [k, ...rest] = path;
  if (k === undefined) return v;
  if (Array.isArray(v)) return getAt(v[Number(k)] ?? null, rest);
  if (v !== null && typeof v === 'object') return getAt(v[String(k)] ?? null, rest);
  return null;
}

function setAt(v: Json, path: (string | number)[], value: Json): Json {
  const [k, ...rest] = path;
  if (k === undefined) return value;
  if (Array.isArray(v)) return v.map((x, i) => (i === k ? setAt(x, rest, value) : x));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([kk, x]) => [kk, kk === k ? setAt(x, rest, value) : x]));
  return v;
}

/** One malformed payload: not an object, an unknown key, or one value of the wrong type. */
export function malformed(r: ReturnType<typeof rng>, valid: unknown): Json {
  const others: Json[] = [42, -1.5, true, hostileString(r), [hostileString(r)], { x: hostileString(r) }, []];
  const base = toJson(valid);
  const choice = r.int(3);
  if (choice === 0) return r.pick<Json>([42, 'x', hostileString(r), true, false, [], [{}], 0]);
  if (choice === 1 || paths(base).length === 0)
    return {
      ...(base !== null && typeof base === 'object' && !Array.isArray(base) ? base : {}),
      [`x${hostileString(r, 2)}`]: r.pick(others),
    };
  const path = r.pick(paths(base));
  const current = getAt(base, path);
  // A null stands for a nullable value of some other type: only a boolean is surely wrong there (no field is a
  // nullable boolean).
  if (current === null) return setAt(base, path, true);
  return setAt(base, path, r.pick(others.filter((o) => kind(o) !== kind(current))));
}
