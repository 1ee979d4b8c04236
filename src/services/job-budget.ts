import type { z } from 'zod';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';

/**
 * Time left for one run of a scheduled job. Forge stops a function at its timeoutSeconds without warning, so a job
 * asks between units of work and stops itself first: `ok()` while any time is left (the resumable runner's loop),
 * `exhausted(reserve)` when less than the reserve is left (jobs that must finish a unit cleanly before stopping).
 * The clock is the platform's, so tests control it and need no waiting.
 */
export interface TimeBudget {
  ok(): boolean;
  remainingMs(): number;
  /** True when less than `reserveMs` (default 5 s) remains: start nothing new. */
  exhausted(reserveMs?: number): boolean;
}

export function timeBudget(now: () => number, limitMs: number): TimeBudget {
  const deadline = now() + limitMs;
  const remainingMs = () => Math.max(0, deadline - now());
  return { ok: () => remainingMs() > 0, remainingMs, exhausted: (reserveMs = 5_000) => remainingMs() < reserveMs };
}

/** What one step of a job did: where the next step starts (null: from the beginning), and whether all is done. */
export interface JobStep<C> {
  cursor: C | null;
  processed: number;
  done: boolean;
}

export interface JobRun {
  job: string;
  /** done: the job reached its end (the next run starts afresh); paused: the budget ran out (the next run resumes). */
  status: 'done' | 'paused';
  steps: number;
  processed: number;
  resumed: boolean;
}

/**
 * Runs a job step by step until it is done or its budget is spent. The cursor is kept in KVS after every step, so
 * the next run resumes where this one stopped, and a run Forge kills anyway loses at most one step (steps must be
 * safe to repeat). Each step gets the budget too, to stop between the items of a page.
 */
export async function runResumable<C>(opts: {
  kvs: KeyValueStore;
  job: string;
  cursorSchema: z.ZodType<C>;
  budget: TimeBudget;
  step: (cursor: C | null, budget: TimeBudget) => Promise<JobStep<C>>;
}): Promise<JobRun> {
  const key = kvsKeys.jobCursor(opts.job);
  const saved = opts.cursorSchema.safeParse(await opts.kvs.get(key));
  let cursor: C | null = saved.success ? saved.data : null;
  const run: JobRun = { job: opts.job, status: 'paused', steps: 0, processed: 0, resumed: cursor !== null };
  while (opts.budget.ok()) {
    const step = await opts.step(cursor, opts.budget);
    run.steps++;
    run.processed += step.processed;
    if (step.done) {
      await opts.kvs.delete(key);
      run.status = 'done';
      return run;
    }
    cursor = step.cursor;
    if (cursor !== null) await opts.kvs.set(key, cursor);
    else await opts.kvs.delete(key);
  }
  return run;
}
