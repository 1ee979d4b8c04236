import { z } from 'zod';
import type { Platform } from '../services/context';
import { logFailure } from '../services/failure-log';
import { runResumable, type JobRun, type TimeBudget } from '../services/job-budget';
import { markResolvedOnTimePage } from '../services/on-time';
import { ISSUE_KEY } from '../shared/contract';

export const ON_TIME_JOB = 'on-time';
const Cursor = z.object({ afterId: z.string().regex(/^\d+$/) });

/**
 * Scheduled (hourly): records resolvedOnTime on resolved action tickets, page by page in id order, until done or
 * the budget is spent; the next run resumes after the last ticket judged.
 */
export function onTimeScheduled(platform: Platform, budget: TimeBudget): Promise<JobRun> {
  const jira = platform.asApp();
  return runResumable({
    kvs: platform.kvs,
    job: ON_TIME_JOB,
    cursorSchema: Cursor,
    budget,
    step: async (cursor, b) => {
      const page = await markResolvedOnTimePage(jira, null, { afterId: cursor?.afterId ?? null, keepGoing: b.ok });
      return { cursor: page.lastId ? { afterId: page.lastId } : cursor, processed: page.marked, done: page.done };
    },
  });
}

const IssueUpdatedEvent = z.object({ issue: z.object({ key: ISSUE_KEY }) });

/**
 * avi:jira:updated:issue, filtered in manifest.yml to updates of action tickets that the app did not make itself:
 * judges that one ticket right away (the hourly job would get to it later anyway).
 */
export async function onActionTicketUpdated(platform: Platform, event: unknown): Promise<void> {
  const parsed = IssueUpdatedEvent.safeParse(event);
  if (!parsed.success) return logFailure({ trigger: 'ontime-on-update' }, parsed.error);
  const issueKey = parsed.data.issue.key;
  try {
    await markResolvedOnTimePage(platform.asApp(), null, { issueKey, batch: 1 });
  } catch (e) {
    logFailure({ trigger: 'ontime-on-update', issueKey }, e);
  }
}
