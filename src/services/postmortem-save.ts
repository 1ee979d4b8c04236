import { PROPERTY_LIMIT_BYTES, storedSizeBytes, toIndex, toStored } from '../domain/index-values';
import { INCIDENT_TYPE, INDEX_PROPERTY, POSTMORTEM_PROPERTY, REPEAT_LINK_TYPE } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { composeTitle, publishProblems } from '../domain/rules';
import { JiraError } from '../jira/errors';
import { editIssue, getIssue } from '../jira/issues';
import { createIssueLink } from '../jira/links';
import { setIssueProperty } from '../jira/properties';
import { approximateCount } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { SaveAnswer } from '../shared/contract';
import { StoredPostMortemSchema, type PostMortem, type StoredPostMortem } from '../shared/postmortem';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';
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

export async function readStoredPostMortem(jira: JiraTransport, issueKey: string) {
  const issue = await getIssue(jira, issueKey, {
    // issuelinks: the action tickets already linked, for reconcileIssues (search lags writes; GET does not).
    // created: the month whose kept copy of post-mortems the report must drop (report-cache.ts).
    fields: ['summary', 'issuetype', 'project', 'issuelinks', 'created'],
    properties: [POSTMORTEM_PROPERTY],
  });
  const raw = issue.properties?.[POSTMORTEM_PROPERTY];
  const parsed = raw === undefined ? null : StoredPostMortemSchema.safeParse(raw);
  if (parsed && !parsed.success)
    throw new AppFailure(
      'PRECONDITION',
      'The stored post-mortem is not in a format this app can update; it was left untouched.',
    );
  return { issue, stored: parsed?.data ?? null };
}

/**
 * Saves the post-mortem as the person. Concurrency: each save claims the next version number in KVS
 * (create-if-absent) before writing, so of two saves based on the same version exactly one wins and the
 * other is told what changed; nothing is overwritten silently.
 */
export async function savePostMortem(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  input: { doc: PostMortem; baseVersion: number; syncSummary: boolean },
  who: string,
  now: number,
): Promise<SaveAnswer> {
  const { issue, stored } = await readStoredPostMortem(jira, issueKey);
  if (issue.fields?.issuetype?.name !== INCIDENT_TYPE.name)
    throw new AppFailure('PRECONDITION', `${issueKey} is not an Incident: post-mortems live on Incident issues.`);
  const current = stored?.version ?? 0;
  if (input.baseVersion !== current) throw conflict(stored, input.doc);

  const doc = mergeServerOwned(input.doc, stored?.doc ?? null);
  if (doc.status === 'published') {
    const problems = publishProblems(doc);
    if (problems.length) throw new AppFailure('VALIDATION', 'Not ready to publish.', problems);
    doc.publishedAt = stored?.doc.publishedAt ?? new Date(now).toISOString().slice(0, 16) + 'Z';
  } else {
    doc.publishedAt = null;
  }
  if (doc.repeatOf === issueKey) throw new AppFailure('VALIDATION', 'An incident cannot repeat itself.');

  const projectKey = issue.fields?.project?.key ?? issueKey.split('-')[0] ?? '';
  const repeatChanged = doc.repeatOf !== (stored?.doc.repeatOf ?? null);
  let repeatWhileOpen = stored?.repeatWhileOpen === 1 && !repeatChanged;
  if (doc.repeatOf && repeatChanged) {
    // Ties follow-up to outcomes: did the earlier incident still have open action items when this one happened?
    repeatWhileOpen = (await approximateCount(jira, jql.openActionsOfIncident(projectKey, doc.repeatOf))) > 0;
  }
  const version = current + 1;
  const next = toStored(doc, {
    version,
    updatedAt: new Date(now).toISOString().slice(0, 16) + 'Z',
    updatedBy: who,
    repeatWhileOpen,
  });
  const size = storedSizeBytes(next);
  if (size > PROPERTY_LIMIT_BYTES) {
    throw new AppFailure(
      'TOO_LARGE',
      `This post-mortem is ${Math.ceil(size / 1024)} KB; Jira stores at most 32 KB per issue. Nothing was saved and your text is still in the form: shorten the longest sections (lessons, lists) and save again.`,
    );
  }
  await claimVersion(kvs, issue.id, version, who, now, stored, input.doc);
  try {
    await setIssueProperty(jira, issueKey, POSTMORTEM_PROPERTY, next);
  } catch (e) {
    // A refusal (4xx) wrote nothing: free the version so the next save can take it.
    if (e instanceof JiraError && e.status < 500) await kvs.delete(kvsKeys.postmortemVersion(issue.id, version));
    throw e;
  }
  // The document is saved; the indexed facts follow. If they fail, nothing is lost: the panel shows that the
  // report lags and the next save writes them again.
  let warning: string | null = null;
  try {
    await setIssueProperty(jira, issueKey, INDEX_PROPERTY, toIndex(next));
  } catch (e) {
    warning = `Saved, but the report's copy of the figures was not updated (${e instanceof Error ? e.message : 'unknown error'}). Save again to update it.`;
  } finally {
    // The report keeps closed months of post-mortems: this incident's month must be read again. A failure here
    // must not fail a save that worked: the kept month then expires within a day.
    await markMonthChanged(kvs, projectKey, issue.fields?.created).catch(() => undefined);
  }
  let summary = issue.fields?.summary ?? '';
  if (input.syncSummary && composeTitle(doc.title) !== summary) {
    summary = composeTitle(doc.title);
    await editIssue(jira, issueKey, { summary });
  }
  if (doc.repeatOf && repeatChanged)
    // Reads "THIS repeats root cause of EARLIER": Jira shows the inwardIssue with the outward description.
    await createIssueLink(jira, { typeName: REPEAT_LINK_TYPE.name, inwardKey: issueKey, outwardKey: doc.repeatOf });
  return { postmortem: next, summary, warning };
}

/** Ticket keys are the server's record (Rule 2): a client cannot set, change or drop them. */
function mergeServerOwned(doc: PostMortem, stored: PostMortem | null): PostMortem {
  const tickets = new Map((stored?.actionItems ?? []).filter((a) => a.ticketKey).map((a) => [a.id, a.ticketKey]));
  const kept = new Set(doc.actionItems.map((a) => a.id));
  const dropped = (stored?.actionItems ?? []).filter((a) => a.ticketKey && !kept.has(a.id));
  if (dropped.length) {
    throw new AppFailure(
      'VALIDATION',
      `Action items with tickets cannot be removed from the post-mortem (${dropped.map((a) => a.ticketKey).join(', ')}). Close or drop the ticket in the review instead.`,
    );
  }
  return { ...doc, actionItems: doc.actionItems.map((a) => ({ ...a, ticketKey: tickets.get(a.id) ?? null })) };
}

async function claimVersion(
  kvs: KeyValueStore,
  issueId: string,
  version: number,
  who: string,
  now: number,
  stored: StoredPostMortem | null,
  mine: PostMortem,
) {
  if (await kvs.setIfAbsent(kvsKeys.postmortemVersion(issueId, version), { by: who, at: now })) return;
  throw conflict(stored, mine, 'Someone else is saving this post-mortem right now.');
}

function conflict(stored: StoredPostMortem | null, mine: PostMortem, lead?: string): AppFailure {
  const who = stored
    ? `${stored.updatedBy} saved version ${stored.version} at ${stored.updatedAt.replace('T', ' ').replace('Z', ' UTC')}`
    : 'The post-mortem changed';
  const sections = stored ? changedSections(stored.doc, mine) : [];
  return new AppFailure(
    'CONFLICT',
    `${lead ?? who}. Your edits were not saved and are still in the form: reload to see the latest version, then re-apply them.`,
    sections.length ? sections.map((s) => `Differs from the saved version: ${s}`) : undefined,
  );
}
