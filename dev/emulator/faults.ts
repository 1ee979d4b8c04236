/** Test and benchmark knobs: latency, a concurrency (burst) limit, and scripted faults. */
export interface FaultRule {
  /** Regular expression matched against "METHOD /path" (query excluded). */
  match: string;
  status: number;
  /** How many matching calls fail; then the rule is spent. */
  times: number;
  /** 'before': refused without effect. 'after': the write happens, then the answer is an error (a lost response). */
  when: 'before' | 'after';
  retryAfterSeconds?: number;
  reason?: string;
}

export interface Knobs {
  latencyMs: number;
  /** Requests in flight beyond this answer 429 jira-burst-based, like Jira's per-second burst limit. */
  maxConcurrent: number | null;
  /** With maxConcurrent, queue excess requests instead of refusing them (a benchmark's steady state). */
  queueExcess: boolean;
  /**
   * Answer a repeated search from memory until the next write (the benchmark's steady state: Jira answers
   * from its index, while the emulator would rescan every issue). Off by default.
   */
  cacheSearches: boolean;
  faults: FaultRule[];
  /** Caps every search page at this many issues (null: the emulator's own page-size model). */
  maxPageSize: number | null;
  /**
   * Search and approximate-count see a write only this long after it (emulator time), like Jira's eventually
   * consistent index; reconcileIssues makes named issues current. POST /__emulator/index/settle indexes all now.
   */
  indexLagMs: number;
}

export const defaultKnobs = (): Knobs => ({
  latencyMs: 0,
  maxConcurrent: null,
  queueExcess: false,
  cacheSearches: false,
  faults: [],
  maxPageSize: null,
  indexLagMs: 0,
});

export interface CallRecord {
  at: number;
  method: string;
  path: string;
  accountId: string;
  asApp: boolean;
  status: number;
  ms: number;
  /** Issues in the response (search pages, single issues): Jira charges a point for each. */
  issues?: number;
  faulted?: string;
}

/** Takes the first live rule matching the call, spending one of its uses. */
export function takeFault(knobs: Knobs, method: string, path: string, when: FaultRule['when']): FaultRule | undefined {
  const target = `${method} ${path}`;
  const rule = knobs.faults.find((f) => f.when === when && f.times > 0 && new RegExp(f.match).test(target));
  if (rule) rule.times -= 1;
  return rule;
}

export function faultReply(rule: FaultRule) {
  const headers: Record<string, string> = {};
  if (rule.status === 429) {
    headers['Retry-After'] = String(rule.retryAfterSeconds ?? 1);
    headers['RateLimit-Reason'] = rule.reason ?? 'jira-burst-based';
    headers['X-RateLimit-NearLimit'] = 'true';
  }
  const message = rule.status === 429 ? 'Rate limit exceeded.' : `Injected fault: HTTP ${rule.status}.`;
  return { status: rule.status, headers, body: { errorMessages: [message], errors: {} } };
}
