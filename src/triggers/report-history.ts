import type { Platform } from '../services/context';
import type { JobRun, TimeBudget } from '../services/job-budget';
import { buildHistory } from '../services/report-history-job';

/**
 * Scheduled (every five minutes, as the app): builds the report's post-mortem history for projects whose report was
 * viewed (report-history-job.ts). A run with nothing to do reads one KVS prefix and ends.
 */
export function reportHistoryScheduled(platform: Platform, budget: TimeBudget): Promise<JobRun> {
  return buildHistory(platform.asApp(), platform.kvs, platform.now, budget);
}
