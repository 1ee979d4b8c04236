import type { Platform } from '../services/context';
import { timeBudget, type JobRun, type TimeBudget } from '../services/job-budget';
import { runReminders } from '../services/reminders';
import { runSlipped } from '../services/slipped';
import { SCHEDULED_MARGIN_MS, SCHEDULED_TIMEOUT_SECONDS } from './scheduled';

/**
 * Scheduled (hourly, as the app): reminders for overdue action tickets, then slipped tickets. Each ticket gets at
 * most one reminder per overdue period, so running hourly changes nothing for a ticket already reminded; it lets a
 * run that was cut short by the time limit continue within the hour instead of the next day. Both jobs resume by
 * their own search (each handled ticket drops out of it), so they need no saved cursor.
 */
export async function followUpRun(platform: Platform, budget: TimeBudget): Promise<JobRun> {
  const reminders = await runReminders(platform.asApp(), platform.kvs, platform.now(), budget);
  const slipped = await runSlipped(platform.asApp(), platform.kvs, platform.now(), budget);
  console.log(
    JSON.stringify({
      event: 'postmortem-loop.followup',
      reminders,
      slipped,
    }),
  );
  return {
    job: 'followup',
    status: reminders.complete && slipped.complete ? 'done' : 'paused',
    steps: 2,
    processed: reminders.posted + reminders.recovered + slipped.moved + slipped.flagged,
    resumed: false,
  };
}

/** The shape src/triggers/scheduled.ts runs. */
export const followUpScheduled = (platform: Platform, budget: TimeBudget): Promise<JobRun> =>
  followUpRun(platform, budget);

/** The same run with a budget of its own (tests, local runs). */
export const followUpJob = (
  platform: Platform,
  budgetMs = SCHEDULED_TIMEOUT_SECONDS * 1000 - SCHEDULED_MARGIN_MS,
): Promise<JobRun> => followUpRun(platform, timeBudget(platform.now, budgetMs));
