import type { Route } from '@forge/api';
import type { JiraRequestInit, JiraResponse, JiraTransport } from '../../src/jira/transport';

export interface MeteredCall {
  path: string;
  start: number;
  end: number;
  issues: number;
}

/**
 * Wraps a transport and records each call: Jira's rate-limit cost is 1 point per request plus 1 per issue returned
 * (forge-and-jira-facts.md), and calls that start before another ends run in the same round.
 */
export function metered(inner: JiraTransport): { transport: JiraTransport; calls: MeteredCall[] } {
  const calls: MeteredCall[] = [];
  let clock = 0;
  const transport: JiraTransport = {
    async requestJira(path: Route, init: JiraRequestInit): Promise<JiraResponse> {
      const call: MeteredCall = { path: path.value, start: ++clock, end: 0, issues: 0 };
      calls.push(call);
      const res = await inner.requestJira(path, init);
      const text = await res.text();
      call.end = ++clock;
      try {
        const body: unknown = JSON.parse(text);
        if (body && typeof body === 'object' && 'issues' in body && Array.isArray(body.issues))
          call.issues = body.issues.length;
        else if (body && typeof body === 'object' && 'key' in body && 'fields' in body) call.issues = 1;
      } catch {
        // not JSON: no issues returned
      }
      return { status: res.status, headers: res.headers, text: () => Promise.resolve(text) };
    },
  };
  return { transport, calls };
}

export const points = (calls: MeteredCall[]) => calls.reduce((n, c) => n + 1 + c.issues, 0);

/** The number of sequential rounds: the longest chain of calls where each starts after the one before ended. */
export function rounds(calls: MeteredCall[]): number {
  const depth = new Map<MeteredCall, number>();
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    const before = calls.filter((p) => p.end !== 0 && p.end < c.start).map((p) => depth.get(p) ?? 1);
    depth.set(c, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
}
