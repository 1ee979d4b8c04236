/**
 * How long a scheduled job may keep starting work: it stops with `reserveMs` to spare so the run ends cleanly
 * (and records where it got to) before Forge cuts it off. The clock is injectable so tests need no waiting.
 */
export interface TimeBudget {
  remainingMs(): number;
  /** True when less than `reserveMs` remains: start nothing new. */
  exhausted(reserveMs?: number): boolean;
}

export function timeBudget(limitMs: number, clock: () => number = Date.now): TimeBudget {
  const start = clock();
  const remainingMs = () => limitMs - (clock() - start);
  return { remainingMs, exhausted: (reserveMs = 5_000) => remainingMs() < reserveMs };
}
