import { jql } from '../domain/jql';
import type { Issue } from '../jira/schemas';
import { approximateCount, searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { Ledger, LedgerMarker } from './follow-up-ledger';
import { INCIDENT_SEARCH, incidentRecord, TICKET_SEARCH, ticketRecord } from './follow-up-records';
import { searchByKeys } from './report-keys';

/**
 * What changed since the ledger's last sync, read in one round, and the counts that check the result. Used by the
 * view (as the reader: the counts then also reveal what this reader cannot see) and by the job (as the app).
 */
export const SYNC_MARGIN_MS = 15 * 60_000;

export interface Changes {
  tickets: Issue[];
  incidents: Issue[];
  /** Marked incidents as Jira has them now (a missing one: deleted, moved, or not visible to this reader). */
  marked: Issue[];
  markedKeys: Set<string>;
  counts: { tickets: number; done: number; published: number };
}

/**
 * `updated >= -Nm`: relative minutes, so the JQL means the same instant whatever the searcher's time zone. The
 * margin covers the search index's lag behind writes and a clock a little off Jira's.
 */
export function updatedSince(since: number, now: number): string {
  return `updated >= -${Math.max(1, Math.ceil((now - since + SYNC_MARGIN_MS) / 60_000))}m`;
}

export async function readChanges(
  jira: JiraTransport,
  projectKey: string,
  syncedAt: number,
  now: number,
  markers: LedgerMarker[],
): Promise<Changes> {
  const since = updatedSince(syncedAt, now);
  const ids = new Map(markers.map((m) => [m.issueKey, m.id]));
  const [tickets, incidents, marked, all, done, published] = await Promise.all([
    // Status and resolution changes move a ticket's `updated`; so does its creation.
    searchAll(jira, `${jql.actionTickets(projectKey)} AND ${since}`, { ...TICKET_SEARCH, maxResults: 5000 }),
    // A post-mortem whose issue was edited; a save also leaves a marker, as a property write may not move `updated`.
    searchAll(jira, `${jql.incidents(projectKey)} AND ${since}`, { ...INCIDENT_SEARCH, maxResults: 5000 }),
    // reconcileIssues: a save's index write may not be searchable yet; Jira then reads these ids fresh.
    searchByKeys(jira, jql.incidents(projectKey), [...ids.keys()], INCIDENT_SEARCH, 50, (k) => {
      const id = ids.get(k);
      return id !== undefined && Number.isInteger(id) ? id : null;
    }),
    approximateCount(jira, jql.actionTickets(projectKey)),
    approximateCount(jira, jql.actionTicketsDone(projectKey)),
    approximateCount(jira, jql.publishedPostmortems(projectKey)),
  ]);
  return { tickets, incidents, marked, markedKeys: new Set(ids.keys()), counts: { tickets: all, done, published } };
}

/** Puts the changes over the ledger (in place); true when anything was read that may differ from it. */
export function applyChanges(ledger: Ledger, c: Changes): boolean {
  for (const t of c.tickets) {
    const r = ticketRecord(t);
    ledger.tickets.set(r.id, r);
  }
  for (const key of c.markedKeys) ledger.incidents.delete(key);
  for (const i of [...c.incidents, ...c.marked]) {
    const r = incidentRecord(i);
    if (r) ledger.incidents.set(r.key, r);
    else ledger.incidents.delete(i.key);
  }
  return c.tickets.length + c.incidents.length + c.markedKeys.size > 0;
}

/** Jira's counts agree with the ledger: no ticket or post-mortem deleted, moved, detached or hidden from the reader. */
export function countsAgree(ledger: Ledger, counts: Changes['counts']): boolean {
  let done = 0;
  for (const t of ledger.tickets.values()) if (t.done) done++;
  return ledger.tickets.size === counts.tickets && done === counts.done && ledger.incidents.size === counts.published;
}
