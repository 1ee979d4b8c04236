import { z } from 'zod';
import { ACTION_PROPERTY } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { reminderComment } from '../domain/reminder-comment';
import { nextReminderOn, overduePeriod, reminderMarker } from '../domain/reminders';
import { recentComments, siteBaseUrl } from '../jira/comments';
import { JiraError } from '../jira/errors';
import { addComment } from '../jira/issues';
import { setIssueProperty } from '../jira/properties';
import type { Issue } from '../jira/schemas';
import { searchPage } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { ActionTicketPropertySchema } from '../shared/postmortem';
import type { ProjectSettings } from '../shared/settings';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { allProjectSettings, DEFAULT_SETTINGS } from './settings';
import type { TimeBudget } from './job-budget';

const DAY = 86_400_000;
/** A claim younger than this belongs to a run that may still be posting: leave it alone. */
const LEASE_MS = 120_000;
const PAGE = 100;

const ClaimSchema = z.object({
  state: z.enum(['posting', 'uncertain', 'done']),
  at: z.number(),
  attempt: z.number().int().min(0).default(0),
  commentId: z.string().optional(),
});

export interface ReminderRun {
  posted: number;
  /** Reminders found already posted (by an earlier run whose answer was lost) and recorded, not posted again. */
  recovered: number;
  failed: number;
  /** False when the run stopped for time: the next run continues with what is left. */
  complete: boolean;
}

/**
 * Comments on each overdue, not-done action ticket once per overdue period (the project's cadence). Safe to run
 * twice, concurrently, or again after a fault: each ticket and period is claimed in KVS before the comment, a
 * claim whose outcome is unknown is settled by looking for the comment's marker first, and each reminded ticket
 * records when it may next need one, so the search shrinks as the run proceeds and a later run resumes there.
 */
export async function runReminders(
  jira: JiraTransport,
  kvs: KeyValueStore,
  now: number,
  budget: TimeBudget,
): Promise<ReminderRun> {
  const today = new Date(now).toISOString().slice(0, 10);
  const settings = await allProjectSettings(kvs);
  const off = [...settings].filter(([, s]) => s.reminderCadence === 'off').map(([k]) => k);
  const run: ReminderRun = { posted: 0, recovered: 0, failed: 0, complete: false };
  const failed = new Set<string>();
  let baseUrl: string | null | undefined;
  while (!budget.exhausted()) {
    const page = await searchPage(jira, jql.remindersDue(today, off), {
      fields: ['duedate', 'assignee', 'project'],
      properties: [ACTION_PROPERTY],
      maxResults: PAGE + failed.size,
    });
    const todo = page.issues.filter((i) => !failed.has(i.key));
    if (todo.length === 0) {
      run.complete = true;
      break;
    }
    baseUrl ??= await siteBaseUrl(jira).catch(() => null);
    for (const ticket of todo) {
      if (budget.exhausted()) break;
      const cadence = (settings.get(ticket.fields?.project?.key ?? '') ?? DEFAULT_SETTINGS).reminderCadence;
      const outcome = await remind(jira, kvs, ticket, today, cadence, baseUrl, now).catch((e: unknown) => {
        console.error(`Reminder for ${ticket.key} failed`, e instanceof Error ? e.message : e);
        return 'failed' as const;
      });
      if (outcome === 'failed' || outcome === 'busy') failed.add(ticket.key);
      if (outcome === 'failed') run.failed++;
      if (outcome === 'posted') run.posted++;
      if (outcome === 'recovered') run.recovered++;
    }
  }
  return run;
}

async function remind(
  jira: JiraTransport,
  kvs: KeyValueStore,
  ticket: Issue,
  today: string,
  cadence: ProjectSettings['reminderCadence'],
  baseUrl: string | null,
  now: number,
): Promise<'posted' | 'recovered' | 'skipped' | 'busy' | 'failed'> {
  const prop = ActionTicketPropertySchema.safeParse(ticket.properties?.[ACTION_PROPERTY]);
  const due = ticket.fields?.duedate;
  if (!prop.success || !due) return 'failed';
  const period = overduePeriod(due, today, cadence);
  const advance = () =>
    setIssueProperty(jira, ticket.key, ACTION_PROPERTY, {
      ...prop.data,
      nextReminderOn: nextReminderOn(due, today),
      remindedDue: due,
    });
  if (!period) return 'skipped';
  if (cadence === 'once' && prop.data.remindedDue === due) {
    await advance();
    return 'skipped';
  }
  const key = kvsKeys.reminder(ticket.key, period);

  let claimAttempt = 0;
  if (!(await kvs.setIfAbsent(key, { state: 'posting', at: now, attempt: 0 }))) {
    const claim = ClaimSchema.safeParse(await kvs.get(key));
    if (claim.success && claim.data.state === 'done') {
      await advance(); // posted before, but the ticket was not marked: mark it now
      return 'skipped';
    }
    if (claim.success && claim.data.state === 'posting' && now - claim.data.at < LEASE_MS) return 'busy';
    // Several runs may find the same unsettled claim: only the one that takes this key settles it.
    const attempt = (claim.success ? claim.data.attempt : 0) + 1;
    if (!(await kvs.setIfAbsent(`${key}:attempt:${attempt}`, { at: now }))) return 'busy';
    // An earlier attempt may have posted and lost the answer: look for its marker before posting again.
    const marker = reminderMarker(ticket.key, period);
    const found = (await recentComments(jira, ticket.key)).find((c) => JSON.stringify(c.body).includes(marker));
    if (found) {
      await kvs.set(key, { state: 'done', at: now, attempt, commentId: found.id });
      await advance();
      return 'recovered';
    }
    await kvs.set(key, { state: 'posting', at: now, attempt });
    claimAttempt = attempt;
  }

  const owner = ticket.fields?.assignee
    ? { accountId: ticket.fields.assignee.accountId, displayName: ticket.fields.assignee.displayName ?? 'owner' }
    : null;
  const body = reminderComment({
    ticketKey: ticket.key,
    incidentKey: prop.data.incident,
    incidentUrl: baseUrl ? `${baseUrl}/browse/${prop.data.incident}` : null,
    owner,
    dueDate: due,
    daysLate: Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY),
    period,
    weekly: cadence === 'weekly',
  });
  let commentId: string;
  try {
    commentId = (await addComment(jira, ticket.key, body)).id;
  } catch (e) {
    // Refused (4xx other than 429): nothing was posted, free the claim. Otherwise the comment may exist.
    if (e instanceof JiraError && e.status < 500 && e.status !== 429) await kvs.delete(key);
    else await kvs.set(key, { state: 'uncertain', at: now, attempt: claimAttempt });
    throw e;
  }
  await kvs.set(key, { state: 'done', at: now, attempt: claimAttempt, commentId });
  await advance();
  return 'posted';
}
