import { PROPERTY_LIMIT_BYTES, storedSizeBytes, toStored } from '../domain/index-values';
import { INCIDENT_TYPE, INDEX_PROPERTY, POSTMORTEM_PROPERTY, REPEAT_LINK_TYPE } from '../domain/jira-names';
import { composeTitle, publishProblems } from '../domain/rules';
import { editIssue, getIssue } from '../jira/issues';
import { createIssueLink } from '../jira/links';
import type { JiraTransport } from '../jira/transport';
import type { SaveAnswer } from '../shared/contract';
import { messages } from '../shared/messages';
import {
  IndexRecordSchema,
  StoredPostMortemSchema,
  type PostMortem,
  type StoredPostMortem,
} from '../shared/postmortem';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { knownTicketKeys } from './action-slots';
import { AppFailure } from './failure';
import { checkRepeatOf } from './repeat-check';
import { mergeServerOwned, sameDoc } from './postmortem-merge';
import { pendingSteps, readPending, type Pending } from './postmortem-pending';
import { claimVersion, writeDocument, writeIndex, type Written } from './postmortem-write';
import { markFollowUpChanged } from './follow-up-ledger';
import { markMonthChanged } from './report-cache';

const SECTIONS: [keyof PostMortem, string][] = [
  ['status', 'Status'],
  ['title', 'Title'],
  ['service', 'Service'],
  ['category', 'Category'],
  ['impact', 'Impact'],
  ['timeline', 'Timeline'],
  ['rootCause', 'Root cause'],
  ['contributingFactors', 'Contributing factors'],
  ['wentWell', 'What went well'],
  ['wentWrong', 'What went wrong'],
  ['lessons', 'Lessons learned'],
  ['actionItems', 'Action items'],
  ['parkingLot', 'Parking lot'],
  ['repeatOf', 'Same root cause as'],
];

export function changedSections(a: PostMortem, b: PostMortem): string[] {
  return SECTIONS.filter(([k]) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map(([, label]) => label);
}

export async function readStoredPostMortem(jira: JiraTransport, issueKey: string, extraFields: string[] = []) {
  const issue = await getIssue(jira, issueKey, {
    // issuelinks (when asked): the action tickets already linked, for reconcileIssues (search lags; GET does not).
    // created: the month whose kept copy of post-mortems the report must drop (report-cache.ts).
    fields: ['summary', 'issuetype', 'project', 'created', ...extraFields],
    properties: [POSTMORTEM_PROPERTY, INDEX_PROPERTY],
  });
  const raw = issue.properties?.[POSTMORTEM_PROPERTY];
  const parsed = raw === undefined ? null : StoredPostMortemSchema.safeParse(raw);
  if (parsed && !parsed.success)
    throw new AppFailure(
      'PRECONDITION',
      'The stored post-mortem is not in a format this app can update; it was left untouched.',
      undefined,
      undefined,
      'not-saved',
    );
  const index = IndexRecordSchema.safeParse(issue.properties?.[INDEX_PROPERTY]);
  return { issue, stored: parsed?.data ?? null, indexVersion: index.success ? index.data.version : 0 };
}

/** Room kept for ticket keys, so recording them later can never push the document over Jira's limit. */
const TICKET_KEY_ROOM = 'ABCDEFGHIJ-1234567';

export interface SaveInput {
  doc: PostMortem;
  baseVersion: number;
  syncSummary: boolean;
  /** The summary the panel loaded: only a title the person changed is written to Jira's summary. */
  summaryLoaded: string;
}

/**
 * Saves the post-mortem as the person. Concurrency: each save reserves the next version in KVS (a lease
 * that expires) before writing, so of two saves based on the same version exactly one wins and the other
 * is told what changed. After the document, the index, summary and repeat link follow; any that fail are
 * reported as pending, and the next save (even of an unchanged document) completes them.
 */
export async function savePostMortem(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  input: SaveInput,
  who: string,
  now: number,
): Promise<SaveAnswer> {
  const { issue, stored, indexVersion } = await readStoredPostMortem(jira, issueKey);
  if (issue.fields?.issuetype?.name !== INCIDENT_TYPE.name)
    throw new AppFailure('PRECONDITION', `${issueKey} is not an Incident: post-mortems live on Incident issues.`);
  const current = stored?.version ?? 0;
  const [tickets, pendingRaw] = await Promise.all([
    knownTicketKeys(kvs, issue.id),
    kvs.get(kvsKeys.postmortemPending(issue.id)),
  ]);
  const doc = mergeServerOwned(input.doc, stored?.doc ?? null, tickets);
  if (doc.status === 'published') {
    const problems = publishProblems(doc);
    if (problems.length) throw new AppFailure('VALIDATION', 'Not ready to publish.', problems, undefined, 'not-saved');
    doc.publishedAt = stored?.doc.publishedAt ?? new Date(now).toISOString().slice(0, 16) + 'Z';
  } else {
    doc.publishedAt = null;
  }
  // The person's own earlier save landed although they were not told so (a lost answer): not a conflict.
  const ownRetry =
    stored !== null && input.baseVersion === current - 1 && stored.updatedBy === who && sameDoc(stored.doc, doc);
  if (input.baseVersion !== current && !ownRetry) throw conflict(stored, input.doc);
  if (doc.repeatOf === issueKey)
    throw new AppFailure('VALIDATION', 'An incident cannot repeat itself.', undefined, undefined, 'not-saved');

  const projectKey = issue.fields?.project?.key ?? issueKey.split('-')[0] ?? '';
  const unchanged = stored !== null && sameDoc(stored.doc, doc);
  const summary = summaryEdit(jira, issueKey, doc, input, issue.fields?.summary ?? '');
  // What the document's own write carried: normally its index and the summary, so a save is two calls.
  let carried: Written = { index: false, summary: false };
  let next: StoredPostMortem;
  if (unchanged && stored) {
    next = stored; // nothing new to write: complete what is pending
  } else {
    const repeatChanged = doc.repeatOf !== (stored?.doc.repeatOf ?? null);
    let repeatWhileOpen = stored?.repeatWhileOpen === 1 && !repeatChanged;
    if (doc.repeatOf && repeatChanged) {
      // Judged at the time of the repeat: did the earlier incident have open action items when this one began?
      const incident = { key: issueKey, created: issue.fields?.created };
      repeatWhileOpen = (await checkRepeatOf(jira, projectKey, incident, doc.repeatOf)).repeatWhileOpen;
    }
    next = toStored(doc, {
      version: current + 1,
      updatedAt: new Date(now).toISOString().slice(0, 16) + 'Z',
      updatedBy: who,
      repeatWhileOpen,
    });
    const roomy = toStored(
      { ...doc, actionItems: doc.actionItems.map((a) => ({ ...a, ticketKey: a.ticketKey ?? TICKET_KEY_ROOM })) },
      { version: next.version, updatedAt: next.updatedAt, updatedBy: who, repeatWhileOpen },
    );
    const size = storedSizeBytes(roomy);
    if (size > PROPERTY_LIMIT_BYTES) {
      throw new AppFailure(
        'TOO_LARGE',
        `This post-mortem is ${Math.ceil(size / 1024)} KB with room for its ticket keys; Jira stores at most 32 KB per issue. Nothing was saved and your text is still in the form: shorten the longest sections (lessons, lists) and save again.`,
        undefined,
        undefined,
        'not-saved',
      );
    }
    const claim = await claimVersion(jira, kvs, { id: issue.id, key: issueKey }, next.version, who, now);
    if ('held' in claim) {
      if (claim.held === 'live-mine')
        throw new AppFailure(
          'CONFLICT',
          `Your previous save of this post-mortem is not confirmed yet. Reload in a minute: if it shows version ${next.version}, it was saved; otherwise save again.`,
          undefined,
          undefined,
          'unknown',
        );
      if (claim.held === 'written') throw conflict((await readStoredPostMortem(jira, issueKey)).stored, input.doc);
      throw conflict(stored, input.doc, messages.savingNow);
    }
    carried = await writeDocument(jira, kvs, issueKey, next, claim.lease, summary.run ? summary.value : null);
    if (carried.index) await kvs.delete(kvsKeys.indexLag(projectKey, issueKey)).catch(() => undefined);
  }
  const pending = readPending(pendingRaw);
  const written = next;
  const steps = await pendingSteps(kvs, issue.id, pending, {
    index:
      !carried.index && indexVersion < next.version
        ? () => indexWithLagRecord(jira, kvs, projectKey, issueKey, written, now)
        : null,
    summary: carried.summary ? { ...summary, run: null } : summary,
    repeatLink: repeatLink(jira, issueKey, doc, stored, pending),
  });
  // The report's history (report-cache.ts) reads this incident live until its month is rebuilt; also after a save
  // that only completed a pending index write. A failure here must not fail a save that worked: the month is then
  // rebuilt within a day.
  await markMonthChanged(kvs, projectKey, issue.fields?.created, { key: issueKey, id: issue.id }).catch(
    () => undefined,
  );
  // Likewise the follow-up card's ledger (follow-up-ledger.ts); a lost marker is caught by its weekly full read.
  await markFollowUpChanged(kvs, projectKey, { key: issueKey, id: issue.id }).catch(() => undefined);
  return {
    postmortem: next,
    summary: steps.summary,
    warning: steps.pending.length ? messages.pending(steps.pending) : null,
    pending: steps.pending,
  };
}

/** The repeat must be an incident the person can see; and did it still have open action items? */
/**
 * Writes the indexed facts; when that fails, records it so the report page can name the post-mortems whose
 * figures lag (report-facts.ts), and clears the record once a later save has written them.
 */
async function indexWithLagRecord(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  issueKey: string,
  next: StoredPostMortem,
  now: number,
): Promise<void> {
  const lagKey = kvsKeys.indexLag(projectKey, issueKey);
  try {
    await writeIndex(jira, issueKey, next);
  } catch (e) {
    await kvs.set(lagKey, { version: next.version, since: new Date(now).toISOString() }).catch(() => undefined);
    throw e;
  }
  await kvs.delete(lagKey).catch(() => undefined);
}

/** Writes the composed title only when the person changed it in the panel (compared with what they loaded). */
function summaryEdit(jira: JiraTransport, issueKey: string, doc: PostMortem, input: SaveInput, current: string) {
  const title = composeTitle(doc.title);
  if (!input.syncSummary || title === input.summaryLoaded || title === current)
    return { value: current, previous: current, run: null };
  return { value: title, previous: current, run: () => editIssue(jira, issueKey, { summary: title }) };
}

function repeatLink(
  jira: JiraTransport,
  issueKey: string,
  doc: PostMortem,
  stored: StoredPostMortem | null,
  pending: Pending,
) {
  const wanted = doc.repeatOf;
  if (!wanted) return null;
  if (wanted === (stored?.doc.repeatOf ?? null) && pending.repeatLink !== wanted) return null;
  return {
    key: wanted,
    // Reads "THIS repeats root cause of EARLIER": Jira shows the inwardIssue with the outward description.
    run: () => createIssueLink(jira, { typeName: REPEAT_LINK_TYPE.name, inwardKey: issueKey, outwardKey: wanted }),
  };
}

function conflict(stored: StoredPostMortem | null, mine: PostMortem, lead?: string): AppFailure {
  const who = stored
    ? `${stored.updatedBy} saved version ${stored.version} at ${stored.updatedAt.replace('T', ' ').replace('Z', ' UTC')}`
    : 'The post-mortem changed';
  const sections = stored ? changedSections(stored.doc, mine) : [];
  return new AppFailure(
    'CONFLICT',
    `${(lead ?? who).replace(/\.$/, '')}. Your edits were not saved and are still in the form: reload to see the latest version, then re-apply them.`,
    sections.length ? sections.map((s) => `Differs from the saved version: ${s}`) : undefined,
    undefined,
    'not-saved',
  );
}
