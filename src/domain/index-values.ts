import type { IndexRecord, PostMortem, StoredPostMortem } from '../shared/postmortem';
import { factorPhrases } from './phrases';
import { tokens } from './similarity';
import { timelineFigures } from './timeline';

/**
 * Builds the stored property: the document plus the flat values that manifest.yml indexes for JQL.
 * Absent values are left out rather than stored as null, so `IS EMPTY` works in JQL.
 */
export function toStored(
  doc: PostMortem,
  meta: { version: number; updatedAt: string; updatedBy: string; repeatWhileOpen: boolean },
): StoredPostMortem {
  const f = timelineFigures(doc.timeline);
  const duration = doc.impact.durationMinutesOverride ?? f.totalDurationMinutes;
  const stored: StoredPostMortem = {
    version: meta.version,
    updatedAt: meta.updatedAt,
    updatedBy: meta.updatedBy,
    status: doc.status,
    service: doc.service,
    category: doc.category,
    repeatWhileOpen: meta.repeatWhileOpen ? 1 : 0,
    actionCount: doc.actionItems.length,
    parkingLotCount: doc.parkingLot.length,
    doc,
  };
  if (doc.repeatOf) stored.repeatOf = doc.repeatOf;
  if (doc.publishedAt) stored.publishedAt = doc.publishedAt;
  if (doc.timeline.alertAt) stored.alertAt = doc.timeline.alertAt;
  if (f.timeToAcknowledgeMinutes !== null) stored.ttaMinutes = f.timeToAcknowledgeMinutes;
  if (f.timeToRecoverMinutes !== null) stored.ttrMinutes = f.timeToRecoverMinutes;
  if (duration !== null) stored.durationMinutes = duration;
  if (doc.impact.usersAffected !== null) stored.usersAffected = doc.impact.usersAffected;
  if (doc.impact.revenue) {
    stored.revenueImpact = doc.impact.revenue.amount;
    stored.revenueCurrency = doc.impact.revenue.currency;
  }
  if (doc.impact.sloBudgetPct !== null) stored.sloBudgetPct = doc.impact.sloBudgetPct;
  return stored;
}

/** Jira's limit for one entity property value. */
export const PROPERTY_LIMIT_BYTES = 32_768;

export function storedSizeBytes(stored: StoredPostMortem): number {
  return new TextEncoder().encode(JSON.stringify(stored)).length;
}

/** The small indexed record written beside the document (see INDEX_PROPERTY). */
export function toIndex(stored: StoredPostMortem): IndexRecord {
  const { doc, ...values } = stored;
  const f = doc.contributingFactors;
  return {
    ...values,
    factorTerms: [...new Set(tokens(`${f.possible} ${f.detection} ${f.resolution}`))].slice(0, 12),
    factorPhrases: factorPhrases([f.possible, f.detection, f.resolution]).slice(0, 40),
    actionKeys: doc.actionItems.flatMap((a) => (a.ticketKey ? [a.ticketKey] : [])),
    parkingIdeas: doc.parkingLot
      .map((p) => normaliseIdea(p.idea))
      .filter(Boolean)
      .slice(0, 30),
  };
}

/** Parking-lot ideas are compared across post-mortems by their words, not their spelling; any script's letters stay. */
export const normaliseIdea = (idea: string): string =>
  idea
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
