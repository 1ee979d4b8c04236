import type { Platform } from '../services/context';
import { keepFollowUpLedgers } from '../services/follow-up-ledger-job';
import { timeBudget, type JobRun, type TimeBudget } from '../services/job-budget';
import { buildHistory } from '../services/report-history-job';

/** The share of a run the history may take when it has much to build: the ledgers get the rest. */
const HISTORY_SHARE = 0.6;

/**
 * Scheduled (every five minutes, as the app): builds the report's post-mortem history for projects whose report was
 * viewed (report-history-job.ts), then keeps the follow-up card's ledgers (follow-up-ledger-job.ts) in the time left,
 * at least 40% of the run. Each runs whatever the other did: a project that fails one job every time (its Incident
 * type removed) must not starve the other; the first failure is raised at the end, so the run is logged as failed.
 * A run with nothing to do reads two KVS prefixes and ends.
 */
export async function reportHistoryScheduled(platform: Platform, budget: TimeBudget): Promise<JobRun> {
  const failures: unknown[] = [];
  const attempt = async (job: Promise<JobRun>): Promise<JobRun | null> =>
    job.catch((e: unknown) => {
      failures.push(e);
      return null;
    });
  const historyBudget = timeBudget(platform.now, budget.remainingMs() * HISTORY_SHARE);
  const history = await attempt(buildHistory(platform.asApp(), platform.kvs, platform.now, historyBudget));
  const ledger = await attempt(keepFollowUpLedgers(platform.asApp(), platform.kvs, platform.now, budget));
  if (failures.length) throw failures[0];
  const runs = [history, ledger].filter((r): r is JobRun => r !== null);
  return {
    job: 'report-history',
    status: runs.every((r) => r.status === 'done') ? 'done' : 'paused',
    steps: runs.reduce((n, r) => n + r.steps, 0),
    processed: runs.reduce((n, r) => n + r.processed, 0),
    resumed: runs.some((r) => r.resumed),
  };
}
