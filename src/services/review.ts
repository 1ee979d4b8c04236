import { z } from 'zod';
import { editIssue } from '../jira/issues';
import type { JiraTransport } from '../jira/transport';
import { REVIEW_OUTCOMES, type ReviewOutcome, type UserRef } from '../shared/contract';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';

export const OutcomeSchema = z.object({
  outcome: z.enum(REVIEW_OUTCOMES),
  note: z.string(),
  reassignedTo: z.object({ accountId: z.string(), displayName: z.string() }).nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

/** Every outcome recorded in the project's reviews, by ticket key (one KVS key per ticket: no lost updates). */
export async function readOutcomes(kvs: KeyValueStore, projectKey: string): Promise<Map<string, ReviewOutcome>> {
  const prefix = kvsKeys.reviewOutcomePrefix(projectKey);
  const out = new Map<string, ReviewOutcome>();
  for (const { key, value } of await kvs.listByPrefix(prefix)) {
    const parsed = OutcomeSchema.safeParse(value);
    if (parsed.success) out.set(key.slice(prefix.length), parsed.data);
  }
  return out;
}

/**
 * Records what the review decided for one earlier action ticket. Reassigning also assigns the ticket in Jira,
 * as the reviewer, so Jira's permissions decide.
 */
export async function recordOutcome(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  input: { ticketKey: string; outcome: ReviewOutcome['outcome']; note: string; reassignTo: string | null },
  who: string,
  now: number,
  users: (accountId: string) => Promise<UserRef | null>,
): Promise<ReviewOutcome> {
  let reassignedTo: UserRef | null = null;
  if (input.outcome === 'reassigned' && input.reassignTo) {
    await editIssue(jira, input.ticketKey, { assignee: { accountId: input.reassignTo } });
    reassignedTo = (await users(input.reassignTo)) ?? { accountId: input.reassignTo, displayName: input.reassignTo };
  }
  const outcome: ReviewOutcome = {
    outcome: input.outcome,
    note: input.note.trim(),
    reassignedTo,
    recordedBy: who,
    recordedAt: new Date(now).toISOString(),
  };
  await kvs.set(`${kvsKeys.reviewOutcomePrefix(projectKey)}${input.ticketKey}`, outcome);
  return outcome;
}

/** Without a review on record, "done since the last review" looks back one sprint. */
const REVIEW_LOOKBACK_DAYS = 14;

/** When the project last reviewed its action items: the latest outcome recorded, else two weeks ago. */
export function lastReviewAt(outcomes: Map<string, ReviewOutcome>, now: number): string {
  const recorded = [...outcomes.values()].map((o) => Date.parse(o.recordedAt));
  return new Date(recorded.length ? Math.max(...recorded) : now - REVIEW_LOOKBACK_DAYS * 86_400_000).toISOString();
}
