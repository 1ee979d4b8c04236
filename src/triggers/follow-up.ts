import type { Platform } from '../services/context';
import { runReminders } from '../services/reminders';
import { runSlipped } from '../services/slipped';
import { timeBudget } from '../services/time-budget';

/** The reminders function's timeoutSeconds in manifest.yml, less a margin so the run ends cleanly. */
export const FOLLOW_UP_BUDGET_MS = 840_000;

/**
 * Scheduled (hourly, as the app): reminders for overdue action tickets, then slipped tickets. Each ticket gets at most one reminder per
 * overdue period, so running hourly changes nothing for a ticket already reminded; it lets a run that was cut
 * short by the time limit continue within the hour instead of the next day.
 */
export async function followUpJob(platform: Platform, budgetMs = FOLLOW_UP_BUDGET_MS): Promise<void> {
  const budget = timeBudget(budgetMs);
  const run = await runReminders(platform.asApp(), platform.kvs, platform.now(), budget);
  if (run.posted || run.recovered || run.failed || !run.complete)
    console.log(
      `Reminders: ${run.posted} posted, ${run.recovered} found already posted, ${run.failed} failed${run.complete ? '' : ' (stopped for time; the next run continues)'}`,
    );
  const slipped = await runSlipped(platform.asApp(), platform.kvs, platform.now(), budget);
  if (slipped.moved || slipped.flagged || slipped.failed || !slipped.complete)
    console.log(
      `Slipped action tickets: ${slipped.moved} moved into the next sprint, ${slipped.flagged} flagged, ${slipped.failed} failed${slipped.complete ? '' : ' (stopped for time)'}`,
    );
}
