import { toIndex, toStored } from '../domain/index-values';
import { INDEX_PROPERTY, POSTMORTEM_PROPERTY } from '../domain/jira-names';
import { setIssueProperty } from '../jira/properties';
import type { JiraTransport } from '../jira/transport';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { readStoredPostMortem } from './postmortem-save';

/**
 * Records created ticket keys on the post-mortem, as a normal versioned save (claiming the next version),
 * retried on a concurrent save. The tickets themselves are already safe: this only fills in the keys.
 */
export async function recordTicketKeys(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  keys: Map<string, string>,
  now: number,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { issue, stored } = await readStoredPostMortem(jira, issueKey);
    if (!stored) return;
    const doc = {
      ...stored.doc,
      actionItems: stored.doc.actionItems.map((a) => ({ ...a, ticketKey: keys.get(a.id) ?? a.ticketKey })),
    };
    if (JSON.stringify(doc) === JSON.stringify(stored.doc)) return;
    const version = stored.version + 1;
    if (!(await kvs.setIfAbsent(kvsKeys.postmortemVersion(issue.id, version), { by: 'tickets', at: now }))) continue;
    const next = toStored(doc, {
      version,
      updatedAt: stored.updatedAt,
      updatedBy: stored.updatedBy,
      repeatWhileOpen: stored.repeatWhileOpen === 1,
    });
    await setIssueProperty(jira, issueKey, POSTMORTEM_PROPERTY, next);
    await setIssueProperty(jira, issueKey, INDEX_PROPERTY, toIndex(next));
    return;
  }
}
