import { jql } from '../domain/jql';
import { approximateCount } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { FollowUpReport, FollowUpStatus } from '../shared/follow-up';
import type { KeyValueStore } from '../storage/kvs';
import { applyChanges, countsAgree, readChanges } from './follow-up-changes';
import { ledgerKeys, readLedger, readLedgerMarkers, readLedgerMeta, readWanted } from './follow-up-ledger';
import { figuresOf, readLive } from './follow-up-records';
import { explainRefusals } from './project-access';
import { projectSettings } from './settings';

const DAY = 86_400_000;
/**
 * Without a ledger that Jira's counts confirm, a view reads the project live when it has at most this many action
 * tickets and published post-mortems: one page of each listing (Jira gives up to 5,000), so two rounds and at most
 * about as many points as the report's first view spends. Beyond it the card says the figures are being prepared.
 */
export const FOLLOWUP_LIVE_LIMIT = 2_000;
/** A ledger not synced for this long (its project's card unopened for a month) is not used: too much to overlay. */
const STALE_MS = 2 * DAY;

/**
 * "Did the action hold?" and slipped tickets for the project page. The hold figures (src/domain/hold.ts) come from
 * the follow-up ledger kept in app storage by the job (follow-up-ledger.ts), with what changed since its last sync
 * read live and put over it, checked by counts as the reader: one round of Jira calls. When the counts disagree
 * (deleted, moved or detached tickets, or ones this reader cannot see) or there is no ledger yet, a small project is
 * read live (today's exact figures); a large one is said to be being prepared, never shown figures from part of it.
 */
export async function followUpReport(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  now: number,
): Promise<FollowUpReport> {
  const [settings, meta, markers, wantedAt] = await Promise.all([
    projectSettings(kvs, projectKey),
    readLedgerMeta(kvs, projectKey),
    readLedgerMarkers(kvs, projectKey),
    readWanted(kvs, projectKey),
  ]);
  // Saves leave markers only while the project is wanted: without that, a save since the sync may be missing.
  const usable = meta && wantedAt !== null && now - meta.syncedAt <= STALE_MS ? meta : null;
  const slippedJql = jql.slippedActionTickets(projectKey);
  // A refused search (no access, no Incident type) is explained the way the rest of the page explains it.
  const round = explainRefusals(
    jira,
    projectKey,
    Promise.all([
      usable
        ? readChanges(jira, projectKey, usable.syncedAt, now, markers)
        : Promise.all([
            approximateCount(jira, jql.actionTickets(projectKey)),
            approximateCount(jira, jql.publishedPostmortems(projectKey)),
          ]).then(([tickets, published]) => ({ counts: { tickets, published }, changes: null })),
      approximateCount(jira, slippedJql),
    ]),
  );
  round.catch(() => undefined); // awaited below, after the ledger is unpacked
  const ledger = usable ? await readLedger(kvs, projectKey, usable) : null;
  const [read, slipped] = await round;
  // Jira answered this reader: the job keeps ledgers of projects whose card was opened lately. Not worth failing
  // a view over.
  if (wantedAt === null || now - wantedAt > DAY)
    await kvs.set(ledgerKeys.wanted(projectKey), { at: now }).catch(() => undefined);
  const changes = 'changes' in read ? null : read;
  let status: FollowUpStatus = { kind: 'preparing', reason: ledger ? 'unverified' : 'building' };
  let figures = null;
  if (ledger && changes && usable) {
    applyChanges(ledger, changes);
    if (countsAgree(ledger, changes.counts)) {
      figures = figuresOf(ledger.incidents.values(), ledger.tickets.values(), now, settings.holdDays);
      status = { kind: 'ledger', syncedAt: new Date(usable.syncedAt).toISOString() };
    }
  }
  const counts = changes ? changes.counts : 'changes' in read ? read.counts : null;
  if (!figures && counts && counts.tickets + counts.published <= FOLLOWUP_LIVE_LIMIT) {
    const live = await explainRefusals(jira, projectKey, readLive(jira, projectKey));
    figures = figuresOf(live.incidents, live.tickets, now, settings.holdDays);
    status = { kind: 'live' };
  }
  return {
    holdDays: settings.holdDays,
    status,
    fixedButRecurred: {
      count: figures?.fixedButRecurred.length ?? 0,
      cases: figures?.fixedButRecurred ?? [],
      jql: jql.repeatsAfterFix(projectKey),
    },
    lateFollowUp: { count: figures?.lateFollowUp ?? 0, jql: jql.repeatsWhileOpen(projectKey) },
    held: { count: figures?.held.length ?? 0, tested: figures?.tested ?? 0, rate: figures?.heldRate ?? null },
    slipped: { count: slipped, jql: slippedJql },
  };
}
