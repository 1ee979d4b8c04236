import type { Platform } from '../services/context';
import { keepFollowUpLedgers } from '../services/follow-up-ledger-job';
import type { JobRun, TimeBudget } from '../services/job-budget';
import { buildHistory } from '../services/report-history-job';

/**
 * Scheduled (every five minutes, as the app): builds the report's post-mortem history for projects whose report was
 * viewed (report-history-job.ts), then, in the time left, keeps the follow-up card's ledgers
 * (follow-up-ledger-job.ts). A run with nothing to do reads two KVS prefixes and ends.
 */
export async function reportHistoryScheduled(platform: Platform, budget: TimeBudget): Promise<JobRun> {
  const history = await buildHistory(platform.asApp(), platform.kvs, platform.now, budget);
  const ledger = await keepFollowUpLedgers(platform.asApp(), platform.kvs, platform.now, budget);
  return {
    job: history.job,
    status: history.status === 'done' && ledger.status === 'done' ? 'done' : 'paused',
    steps: history.steps + ledger.steps,
    processed: history.processed + ledger.processed,
    resumed: history.resumed || ledger.resumed,
  };
}
