import type { Platform } from '../services/context';
import { logFailure } from '../services/failure-log';
import { timeBudget, type JobRun, type TimeBudget } from '../services/job-budget';

/**
 * `timeoutSeconds` of every function in manifest.yml that only scheduled triggers use (Forge honours it only for
 * such functions; one shared with a resolver or product event gets 25 s). test/unit/manifest.test.ts checks both.
 */
export const SCHEDULED_TIMEOUT_SECONDS = 300;
/** A job stops taking new work this long before Forge's limit: the item in flight (one search or write) must end. */
export const SCHEDULED_MARGIN_MS = 30_000;

export type ScheduledJob = (platform: Platform, budget: TimeBudget) => Promise<JobRun>;

/**
 * A scheduled trigger's handler: runs the job within its budget, logs one line of what it did (or one structured
 * failure), and answers what Forge expects of a scheduled function. A new job is one line in src/index.ts plus a
 * `function` (with timeoutSeconds) and a `scheduledTrigger` in manifest.yml.
 */
export function scheduledHandler(job: string, run: ScheduledJob, platform: Platform) {
  return async (): Promise<{ statusCode: number }> => {
    const budget = timeBudget(platform.now, SCHEDULED_TIMEOUT_SECONDS * 1000 - SCHEDULED_MARGIN_MS);
    try {
      console.log(JSON.stringify({ event: 'postmortem-loop.job', ...(await run(platform, budget)) }));
    } catch (e) {
      // The next scheduled run retries from the saved cursor; Forge would not retry sooner anyway.
      logFailure({ trigger: job }, e);
    }
    return { statusCode: 204 };
  };
}
