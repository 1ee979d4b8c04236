import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { toIndex } from '../domain/index-values';
import { INDEX_PROPERTY, POSTMORTEM_PROPERTY } from '../domain/jira-names';
import { JiraError } from '../jira/errors';
import { editIssue, getIssue } from '../jira/issues';
import { setIssueProperty } from '../jira/properties';
import type { JiraTransport } from '../jira/transport';
import { messages } from '../shared/messages';
import { IndexRecordSchema, StoredPostMortemSchema, type StoredPostMortem } from '../shared/postmortem';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';

/**
 * A version reservation lives at most this long: a resolver runs at most 25 s, so after 30 s its holder is
 * gone and its write can no longer land. A crashed or timed-out save therefore never locks the post-mortem.
 */
export const LEASE_MS = 30_000;

const ReservationSchema = z.object({
  by: z.string(),
  at: z.number(),
  token: z.string().optional(),
  expiresAt: z.number().optional(),
});

export interface Lease {
  key: string;
  token: string;
}

/** The post-mortem as Jira holds it now, read fresh (Jira's issue reads are consistent). */
async function readBack(jira: JiraTransport, issueKey: string) {
  const issue = await getIssue(jira, issueKey, {
    fields: ['issuetype', 'summary'],
    properties: [POSTMORTEM_PROPERTY, INDEX_PROPERTY],
  });
  const doc = StoredPostMortemSchema.safeParse(issue.properties?.[POSTMORTEM_PROPERTY]);
  const index = IndexRecordSchema.safeParse(issue.properties?.[INDEX_PROPERTY]);
  return {
    stored: doc.success ? doc.data : null,
    indexVersion: index.success ? index.data.version : 0,
    summary: issue.fields?.summary ?? '',
  };
}

const same = (a: StoredPostMortem | null, b: StoredPostMortem) =>
  a !== null && JSON.stringify(StoredPostMortemSchema.parse(a)) === JSON.stringify(StoredPostMortemSchema.parse(b));

/**
 * Reserves version `version` (create-if-absent). A reservation whose lease ran out is taken over, but only
 * after asking Jira whether its holder's write landed ('written': the caller then reports a conflict).
 */
export async function claimVersion(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issue: { id: string; key: string },
  version: number,
  who: string,
  now: number,
): Promise<{ lease: Lease } | { held: 'live-other' | 'live-mine' | 'written' }> {
  const key = kvsKeys.postmortemVersion(issue.id, version);
  const token = randomUUID();
  const mine = { by: who, at: now, token, expiresAt: now + LEASE_MS };
  if (await kvs.setIfAbsent(key, mine)) return { lease: { key, token } };
  const held = ReservationSchema.safeParse(await kvs.get(key));
  // Reservations written before leases existed have no expiry: they age from `at` like any other.
  const expiresAt = held.success ? (held.data.expiresAt ?? held.data.at + LEASE_MS) : 0;
  if (now < expiresAt) return { held: held.success && held.data.by === who ? 'live-mine' : 'live-other' };
  const { stored } = await readBack(jira, issue.key);
  if ((stored?.version ?? 0) >= version) return { held: 'written' };
  const stamp = held.success ? `${held.data.at}:${held.data.token ?? held.data.by}` : 'unreadable';
  if (!(await kvs.setIfAbsent(`${key}:takeover:${stamp}`.slice(0, 480), { by: who, at: now })))
    return { held: 'live-other' };
  await kvs.set(key, mine);
  return { lease: { key, token } };
}

/** Frees a reservation this save holds, once Jira has said (or shown) that nothing was written. */
export async function releaseVersion(kvs: KeyValueStore, lease: Lease): Promise<void> {
  const held = ReservationSchema.safeParse(await kvs.get(lease.key));
  if (held.success && held.data.token === lease.token) await kvs.delete(lease.key);
}

/** What one write carried besides the document: its index (always asked) and the summary (when asked). */
export interface Written {
  index: boolean;
  summary: boolean;
}

/**
 * Writes the document under a lease, in one request with its index (so the two never disagree and no slow index
 * write can land after a later save's) and, when the title changed, the summary. A summary Jira refuses (not on
 * the edit screen, too long) does not stop the document: it is written without it and the summary stays pending.
 * Any other failure is followed by asking Jira what it holds: a lost answer whose write landed counts as saved;
 * a definite refusal frees the version; no answer leaves the lease to expire and tells the person how to check.
 */
export async function writeDocument(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  next: StoredPostMortem,
  lease: Lease,
  summary: string | null = null,
): Promise<Written> {
  try {
    await editIssue(jira, issueKey, summary === null ? {} : { summary }, [
      { key: POSTMORTEM_PROPERTY, value: next },
      { key: INDEX_PROPERTY, value: toIndex(next) },
    ]);
    return { index: true, summary: summary !== null };
  } catch (e) {
    if (e instanceof JiraError && e.status === 400 && summary !== null && 'summary' in e.fieldErrors)
      return writeDocument(jira, kvs, issueKey, next, lease, null);
    // Jira refused the edit as a whole (an issue its workflow status makes read-only; or, unconfirmed, a site that
    // does not take properties with an edit): the document has an endpoint of its own. The index and the summary
    // then follow as the save's pending steps, so being wrong about the edit costs a call, not a save.
    if (e instanceof JiraError && e.status === 400) return writeDocumentAlone(jira, kvs, issueKey, next, lease);
    return afterFailure(e, jira, kvs, issueKey, next, lease, summary);
  }
}

async function writeDocumentAlone(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  next: StoredPostMortem,
  lease: Lease,
): Promise<Written> {
  try {
    await setIssueProperty(jira, issueKey, POSTMORTEM_PROPERTY, next);
    return { index: false, summary: false };
  } catch (e) {
    return afterFailure(e, jira, kvs, issueKey, next, lease, null);
  }
}

/** After a failed write: a refusal frees the version; otherwise Jira is asked what it holds. */
async function afterFailure(
  e: unknown,
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  next: StoredPostMortem,
  lease: Lease,
  summary: string | null,
): Promise<Written> {
  if (e instanceof JiraError && e.status < 500) {
    await releaseVersion(kvs, lease); // a refusal wrote nothing
    throw e;
  }
  let now: Awaited<ReturnType<typeof readBack>> | null = null;
  try {
    now = await readBack(jira, issueKey);
  } catch {
    now = null;
  }
  if (now && same(now.stored, next))
    return { index: now.indexVersion >= next.version, summary: summary !== null && now.summary === summary };
  if (now && e instanceof JiraError) {
    await releaseVersion(kvs, lease);
    throw new AppFailure(
      'JIRA_ERROR',
      messages.notSaved(
        `Jira could not save the post-mortem (HTTP ${e.status}); it holds version ${next.version - 1}.`,
      ),
      e.errorMessages,
      undefined,
      'not-saved',
    );
  }
  throw new AppFailure(
    'UNCERTAIN',
    messages.unknown(
      `version ${next.version} was saved`,
      `reload the panel in a minute; if it shows version ${next.version}, it was saved, otherwise save again`,
    ),
    undefined,
    undefined,
    'unknown',
  );
}

/**
 * Writes the indexed facts for `next` alone: only to complete an index left behind (a write of an older app version,
 * an index deleted over REST). Jira has no conditional write, so a slow index write could land after a later save's:
 * afterwards the app reads both properties back and, if the index is older than the
 * document now stored, writes the index of that newer document (at most a few rounds).
 */
export async function writeIndex(jira: JiraTransport, issueKey: string, next: StoredPostMortem): Promise<void> {
  let target = next;
  for (let round = 0; round < 3; round++) {
    await setIssueProperty(jira, issueKey, INDEX_PROPERTY, toIndex(target));
    const now = await readBack(jira, issueKey);
    if (!now.stored || now.indexVersion >= now.stored.version) return;
    target = now.stored;
  }
}
