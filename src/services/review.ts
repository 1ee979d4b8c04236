import { z } from 'zod';
import { ACTION_PROPERTY } from '../domain/jira-names';
import { findAssignableUsers, hasProjectPermission } from '../jira/config';
import { JiraError } from '../jira/errors';
import { editIssue, getIssue } from '../jira/issues';
import type { JiraTransport } from '../jira/transport';
import { REVIEW_OUTCOMES, type ReviewOutcome, type ReviewStatus, type UserRef } from '../shared/contract';
import { ActionTicketPropertySchema } from '../shared/postmortem';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';
import { confirmedSet, confirmedSetIfAbsent } from './storage-write';

export const OutcomeSchema = z.object({
  outcome: z.enum(REVIEW_OUTCOMES),
  note: z.string(),
  reassignedTo: z.object({ accountId: z.string(), displayName: z.string() }).nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
const LastReviewSchema = z.object({ at: z.string(), by: z.string() });

/** Outcomes are versioned: version N of a ticket's outcome is its own KVS key, created only if absent. */
const versionKey = (projectKey: string, ticketKey: string, version: number) =>
  `${kvsKeys.reviewOutcomePrefix(projectKey)}${ticketKey}:v${String(version).padStart(6, '0')}`;

/** Every outcome recorded in the project's reviews, by ticket key: the highest version of each. */
export async function readOutcomes(kvs: KeyValueStore, projectKey: string): Promise<Map<string, ReviewOutcome>> {
  const prefix = kvsKeys.reviewOutcomePrefix(projectKey);
  const out = new Map<string, ReviewOutcome>();
  for (const { key, value } of await kvs.listByPrefix(prefix)) {
    const [ticket = '', v] = key.slice(prefix.length).split(':');
    // Outcomes recorded before versions existed count as version 1.
    const version = v ? Number(v.slice(1)) : 1;
    const parsed = OutcomeSchema.safeParse(value);
    if (parsed.success && version >= (out.get(ticket)?.version ?? 0)) out.set(ticket, { ...parsed.data, version });
  }
  return out;
}

/**
 * The outcomes of just these tickets (highest version of each): one prefix query per ticket, so opening the panel
 * reads what its rows show, not every outcome the project ever stored.
 */
export async function readOutcomesOf(
  kvs: KeyValueStore,
  projectKey: string,
  ticketKeys: string[],
): Promise<Map<string, ReviewOutcome>> {
  const prefix = kvsKeys.reviewOutcomePrefix(projectKey);
  const out = new Map<string, ReviewOutcome>();
  const found = await Promise.all([...new Set(ticketKeys)].map((t) => kvs.listByPrefix(`${prefix}${t}`)));
  for (const { key, value } of found.flat()) {
    const [ticket = '', v] = key.slice(prefix.length).split(':');
    if (!ticketKeys.includes(ticket)) continue; // OPS-1 is a prefix of OPS-10
    const version = v ? Number(v.slice(1)) : 1;
    const parsed = OutcomeSchema.safeParse(value);
    if (parsed.success && version >= (out.get(ticket)?.version ?? 0)) out.set(ticket, { ...parsed.data, version });
  }
  return out;
}

/** Writes to the app's storage about a project need Jira's say-so: Edit Issues in that project. */
async function mustEdit(jira: JiraTransport, projectKey: string, what: string) {
  if (!(await hasProjectPermission(jira, projectKey, 'EDIT_ISSUES')))
    throw new AppFailure(
      'FORBIDDEN',
      `Jira does not let you edit issues in ${projectKey}, so you cannot ${what}. Nothing was recorded.`,
      undefined,
      undefined,
      'not-saved',
    );
}

/** The ticket must be, in Jira (not in the payload), an action ticket of one of this project's incidents. */
async function mustBeActionTicket(jira: JiraTransport, projectKey: string, ticketKey: string) {
  const refuse = (why: string) =>
    new AppFailure('VALIDATION', `${ticketKey} ${why}. Nothing was recorded.`, undefined, undefined, 'not-saved');
  let ticket;
  try {
    ticket = await getIssue(jira, ticketKey, { fields: ['project'], properties: [ACTION_PROPERTY] });
  } catch (e) {
    if (e instanceof JiraError && (e.isNotFound || e.isForbidden)) throw refuse('does not exist or you cannot see it');
    throw e;
  }
  const prop = ActionTicketPropertySchema.safeParse(ticket.properties?.[ACTION_PROPERTY]);
  if (!prop.success) throw refuse('is not an action ticket of a post-mortem');
  if (ticket.fields?.project?.key !== projectKey || !prop.data.incident.startsWith(`${projectKey}-`))
    throw refuse(`is not an action ticket of an incident in ${projectKey}`);
}

/**
 * Records what the review decided for one earlier action ticket, as a new version of its outcome: of two
 * reviewers working from the same version, one is told what the other recorded. Reassigning also assigns
 * the ticket in Jira, as the reviewer, so Jira's permissions decide.
 */
export async function recordOutcome(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  input: {
    ticketKey: string;
    outcome: ReviewOutcome['outcome'];
    note: string;
    reassignTo: string | null;
    baseVersion: number;
  },
  who: string,
  now: number,
): Promise<ReviewOutcome> {
  await Promise.all([
    mustEdit(jira, projectKey, 'record review outcomes'),
    mustBeActionTicket(jira, projectKey, input.ticketKey),
  ]);
  const current = (await readOutcomesOf(kvs, projectKey, [input.ticketKey])).get(input.ticketKey);
  // This reviewer's own earlier click was recorded but its answer lost: the retry finds it, not a conflict.
  if (current && current.version === input.baseVersion + 1 && sameOutcome(current, input, who)) return current;
  if ((current?.version ?? 0) !== input.baseVersion) throw outcomeConflict(input.ticketKey, current);
  let reassignedTo: UserRef | null = null;
  if (input.outcome === 'reassigned' && input.reassignTo) {
    const user = (await findAssignableUsers(jira, projectKey, '')).find((u) => u.accountId === input.reassignTo);
    if (!user)
      throw new AppFailure(
        'VALIDATION',
        `That person cannot be assigned issues in ${projectKey}. Nothing was recorded.`,
        undefined,
        undefined,
        'not-saved',
      );
    await editIssue(jira, input.ticketKey, { assignee: { accountId: user.accountId } });
    reassignedTo = { accountId: user.accountId, displayName: user.displayName ?? user.accountId };
  }
  const version = input.baseVersion + 1;
  const outcome = {
    outcome: input.outcome,
    note: input.note.trim(),
    reassignedTo,
    recordedBy: who,
    recordedAt: new Date(now).toISOString(),
  };
  const what = `the outcome for ${input.ticketKey}`;
  const check = 'reload the panel and open the review to see the recorded outcome';
  if (!(await confirmedSetIfAbsent(kvs, versionKey(projectKey, input.ticketKey, version), outcome, what, check))) {
    const other = (await readOutcomesOf(kvs, projectKey, [input.ticketKey])).get(input.ticketKey);
    throw outcomeConflict(
      input.ticketKey,
      other,
      reassignedTo ? ` ${input.ticketKey} was assigned to ${reassignedTo.displayName} in Jira.` : '',
    );
  }
  return { ...outcome, version };
}

function sameOutcome(
  recorded: ReviewOutcome,
  input: { outcome: ReviewOutcome['outcome']; note: string; reassignTo: string | null },
  who: string,
): boolean {
  return (
    recorded.recordedBy === who &&
    recorded.outcome === input.outcome &&
    recorded.note === input.note.trim() &&
    (recorded.reassignedTo?.accountId ?? null) === (input.outcome === 'reassigned' ? input.reassignTo : null)
  );
}

function outcomeConflict(ticketKey: string, current: ReviewOutcome | undefined, extra = ''): AppFailure {
  const who = current
    ? `${current.recordedBy} recorded "${current.outcome}" for ${ticketKey} at ${current.recordedAt.slice(0, 16).replace('T', ' ')} UTC`
    : `The outcome for ${ticketKey} changed`;
  return new AppFailure(
    'CONFLICT',
    `${who}. Your outcome was not recorded.${extra} Reload to see it, then record yours again if it still applies.`,
    undefined,
    undefined,
    'not-saved',
  );
}

/** The project's last review moves only when someone allowed says the review is complete. */
export async function completeReview(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  who: string,
  now: number,
): Promise<{ lastReviewAt: string }> {
  await mustEdit(jira, projectKey, 'mark the review complete');
  const at = new Date(now).toISOString();
  await confirmedSet(kvs, kvsKeys.lastReview(projectKey), { at, by: who }, 'the end of the review', 'reload the panel');
  return { lastReviewAt: at };
}

/** Where the review window starts and whether this person may move it (the same check completeReview makes). */
export async function reviewStatus(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  now: number,
): Promise<ReviewStatus> {
  const [canComplete, last] = await Promise.all([
    hasProjectPermission(jira, projectKey, 'EDIT_ISSUES'),
    kvs.get(kvsKeys.lastReview(projectKey)).then((v) => LastReviewSchema.safeParse(v)),
  ]);
  return last.success
    ? { lastReviewAt: last.data.at, lastReviewBy: last.data.by, canComplete }
    : { lastReviewAt: lookback(now), lastReviewBy: null, canComplete };
}

/** Without a review on record, "done since the last review" looks back one sprint. */
const REVIEW_LOOKBACK_DAYS = 14;
const lookback = (now: number) => new Date(now - REVIEW_LOOKBACK_DAYS * 86_400_000).toISOString();

/** When the project last completed a review (an explicit action), else two weeks ago. */
export async function readLastReview(kvs: KeyValueStore, projectKey: string, now: number): Promise<string> {
  const parsed = LastReviewSchema.safeParse(await kvs.get(kvsKeys.lastReview(projectKey)));
  return parsed.success ? parsed.data.at : lookback(now);
}
