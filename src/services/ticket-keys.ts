import { PROPERTY_LIMIT_BYTES, storedSizeBytes, toStored } from '../domain/index-values';
import type { JiraTransport } from '../jira/transport';
import type { KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';
import { readStoredPostMortem } from './postmortem-save';
import { claimVersion, writeDocument } from './postmortem-write';

/**
 * Records created ticket keys on the post-mortem, as a normal versioned save (a lease on the next version),
 * retried on a concurrent save. The tickets themselves are already safe and their reservations know their
 * keys, so the next save fills in any key not recorded here. Answers a warning instead of throwing.
 */
export async function recordTicketKeys(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  keys: Map<string, string>,
  now: number,
  /** The post-mortem as read when the tickets were started: the version lease says whether it is still current. */
  read?: Pick<Awaited<ReturnType<typeof readStoredPostMortem>>, 'issue' | 'stored'>,
): Promise<string | null> {
  const later = (why: string) =>
    `The tickets exist and are linked, but their keys are not yet recorded on the post-mortem (${why}). They are filled in with the next save.`;
  for (let attempt = 0; attempt < 3; attempt++) {
    // Every write of the document reserves its version first, so a read that is out of date loses the
    // reservation below and the next attempt reads again.
    const { issue, stored } = attempt === 0 && read ? read : await readStoredPostMortem(jira, issueKey);
    if (!stored) return null;
    const doc = {
      ...stored.doc,
      actionItems: stored.doc.actionItems.map((a) => ({ ...a, ticketKey: a.ticketKey ?? keys.get(a.id) ?? null })),
    };
    if (JSON.stringify(doc) === JSON.stringify(stored.doc)) return null;
    const next = toStored(doc, {
      version: stored.version + 1,
      updatedAt: stored.updatedAt,
      updatedBy: stored.updatedBy,
      repeatWhileOpen: stored.repeatWhileOpen === 1,
    });
    if (storedSizeBytes(next) > PROPERTY_LIMIT_BYTES)
      return later("the post-mortem is at Jira's 32 KB limit: shorten it and save");
    const claim = await claimVersion(jira, kvs, { id: issue.id, key: issueKey }, next.version, 'tickets', now);
    if ('held' in claim) continue; // someone is saving: read again
    try {
      // The index travels with the document; if it did not land, the next save writes it again.
      await writeDocument(jira, kvs, issueKey, next, claim.lease);
    } catch (e) {
      return later(e instanceof AppFailure || e instanceof Error ? e.message : 'Jira did not answer');
    }
    return null;
  }
  return later('someone was saving the post-mortem at the same time');
}
