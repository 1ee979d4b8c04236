import type { IssueRec } from '../state/model';
import type { JiraStore } from '../state/store';
import type { Narrowing } from './evaluate';

/**
 * Speeds up the emulator's search without changing its answers: issues are grouped by (project, issue type) and
 * sorted by creation, so a query that starts `project = X AND issuetype = Y AND created >= Z` looks only at the
 * issues that can match instead of all 400,000 of the benchmark. Every candidate still goes through the full
 * predicate (as search saw it: index lag included), so the index only ever skips issues that cannot match.
 *
 * The index is rebuilt after any write (the store's version) or when issues were added or removed directly, so
 * a record changed in place and saved with putIssue (as routes and tests do) is always seen where it now belongs.
 * Issues still within the index lag are evaluated apart, whatever bucket their earlier state was in. A query ANDed
 * with a key list (`key IN (...)`, how the app reads known tickets) looks at the named issues only.
 */
interface Bucket {
  /** Any member: every member has its project and issue type, which is all the bucket tests read. */
  rep: IssueRec;
  issues: IssueRec[];
  created: number[];
  /** False when a creation date does not parse: then the bucket is scanned whole. */
  sorted: boolean;
}
interface CandidateIndex {
  version: number;
  size: number;
  buckets: Bucket[];
}

const built = new WeakMap<JiraStore, CandidateIndex>();

function indexOf(store: JiraStore): CandidateIndex {
  const have = built.get(store);
  if (have && have.version === store.version && have.size === store.issues.size) return have;
  const groups = new Map<string, IssueRec[]>();
  for (const i of store.issues.values()) {
    const k = `${i.projectId}|${i.issueTypeId}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  const buckets = [...groups.values()].flatMap((issues): Bucket[] => {
    const rep = issues[0];
    if (!rep) return [];
    const keyed = issues.map((i) => ({ i, t: Date.parse(i.created) }));
    const sorted = keyed.every((k) => Number.isFinite(k.t));
    if (sorted) keyed.sort((a, b) => a.t - b.t);
    return [{ rep, issues: keyed.map((k) => k.i), created: keyed.map((k) => k.t), sorted }];
  });
  const index = { version: store.version, size: store.issues.size, buckets };
  built.set(store, index);
  return index;
}

/** First position in [lo, hi) where `test` holds, for a test that is false then true along the sorted bucket. */
function firstTrue(issues: IssueRec[], lo: number, hi: number, test: (i: IssueRec) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const probe = issues[mid];
    if (probe && test(probe)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The issues (current records) that may match: every issue for which `where` could hold is among them. */
export function candidates(store: JiraStore, narrow: Narrowing): { issues: Iterable<IssueRec>; lagging: IssueRec[] } {
  const laggingIds = new Set(store.staleIds());
  const lagging = [...laggingIds].flatMap((id) => {
    const i = store.issues.get(id);
    return i ? [i] : [];
  });
  const keyList = narrow.keys[0];
  if (keyList) {
    // A key list names its issues (by current key or id): look them up instead of walking the buckets.
    const named = new Map<number, IssueRec>();
    for (const k of keyList) {
      const i = store.issueByKeyOrId(k);
      if (i && !laggingIds.has(i.id)) named.set(i.id, i);
    }
    return { issues: named.values(), lagging };
  }
  const { buckets } = indexOf(store);
  function* inBuckets(): Generator<IssueRec> {
    for (const b of buckets) {
      if (!narrow.bucket.every((test) => test(b.rep))) continue;
      let lo = 0;
      let hi = b.issues.length;
      if (b.sorted) {
        for (const from of narrow.createdFrom) lo = Math.max(lo, firstTrue(b.issues, 0, b.issues.length, from));
        for (const to of narrow.createdTo)
          hi = Math.min(
            hi,
            firstTrue(b.issues, 0, b.issues.length, (i) => !to(i)),
          );
      }
      for (let k = lo; k < hi; k++) {
        const i = b.issues[k];
        if (i && !laggingIds.has(i.id)) yield i;
      }
    }
  }
  return { issues: inBuckets(), lagging };
}
