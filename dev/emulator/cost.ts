import type { CallRecord } from './faults';

/** What a run of calls costs against Jira's rate limits, read from the emulator's call log. */
export interface CallCost {
  calls: number;
  /** Jira's points: 1 per request plus 1 per issue returned. */
  points: number;
  /** Issues returned in all. */
  issues: number;
  /**
   * Sequential dependency depth: the longest chain of calls each starting after the previous one ended. A call starts
   * when its caller sent it (server.ts, SENT_AT_HEADER), so the emulator's own queue does not add rounds.
   */
  rounds: number;
}

/** Issues in a response body: the `issues` of a search or bulk fetch, or one issue read on its own. */
export function issuesReturned(body: unknown): number {
  if (typeof body !== 'object' || body === null) return 0;
  if ('issues' in body && Array.isArray(body.issues)) return body.issues.length;
  return 'key' in body && 'fields' in body ? 1 : 0;
}

export function costOf(calls: readonly CallRecord[]): CallCost {
  // Calls that overlap in time ran in the same round; a call that starts once another has ended may have
  // waited for it. The longest such chain is the number of round trips the caller could not avoid.
  const byStart = [...calls].sort((a, b) => a.at - b.at);
  const depth: number[] = [];
  let rounds = 0;
  byStart.forEach((c, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) {
      const p = byStart[j];
      if (p && p.at + p.ms <= c.at) d = Math.max(d, (depth[j] ?? 0) + 1);
    }
    depth.push(d);
    rounds = Math.max(rounds, d);
  });
  const issues = calls.reduce((n, c) => n + (c.issues ?? 0), 0);
  return { calls: calls.length, points: calls.length + issues, issues, rounds };
}
