import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ACTION_PROPERTY, INDEX_PROPERTY } from '../domain/jira-names';
import { quote } from '../domain/jql';
import { createdAround, monthLabel, splitRange } from '../domain/report-months';
import { IssueSchema, type Issue } from '../jira/schemas';
import { approximateCount, searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { readParts, writeParts } from '../storage/gzip-parts';
import type { KeyValueStore } from '../storage/kvs';
import { incidentFacts } from './report-facts';
import { searchByKeys } from './report-keys';

/**
 * The report's history: every post-mortem of a project (key, created, indexed values), kept in app storage per
 * calendar month (UTC), so a view reads a year of post-mortems from storage instead of 20,000 issues from Jira.
 *
 * - Built outside the views by the report-history job (report-history-job.ts, scheduled, as the app), and by a view
 *   only when the months it lacks are small enough to read within its budget.
 * - Kept exact at write time: each post-mortem save leaves a marker naming the incident (markMonthChanged); a view
 *   reads the marked incidents live and puts them over the stored month. The job folds markers into a rebuilt month
 *   and deletes only the markers it listed before reading, so a save during a rebuild is never lost.
 * - Checked on every view: a month whose count in Jira differs from what storage and markers give (an incident
 *   deleted or moved, a property written over REST) is not used until rebuilt.
 */
export const HISTORY_VERSION = 4;
/** The job rebuilds a month this old even without markers (edits no hook saw and no count reveals). */
export const MONTH_TTL_MS = 24 * 3_600_000;
/** Parts of one month, each under @forge/kvs's 240 KiB per value. */

const Missing = z.array(z.object({ key: z.string(), incident: z.string() }));
const MonthMeta = z.object({
  build: z.string(),
  builtAt: z.number(),
  parts: z.number().int().min(1),
  count: z.number(),
  /** Action items of the month's post-mortems whose ticket was not among the project's action tickets. */
  missing: Missing.default([]),
  /** False when a view stored the month without checking its tickets (the job checks it on its next run). */
  missingChecked: z.boolean().default(true),
});
export type MonthMeta = z.infer<typeof MonthMeta>;
const Meta = z.object({ v: z.literal(HISTORY_VERSION), months: z.record(z.string(), MonthMeta) });
const Marker = z.object({ id: z.string() });

export const historyKeys = {
  meta: (p: string) => `report-history:${p}`,
  part: (p: string, month: string, i: number) => `report-history-part:${p}:${month}:${i}`,
  marker: (p: string, month: string, issueKey: string) =>
    `report-history-changed:${p}:${month}:${issueKey}:${randomUUID().slice(0, 8)}`,
  markers: (p: string) => `report-history-changed:${p}:`,
  wanted: (p: string) => `report-history-wanted:${p}`,
  wantedPrefix: () => 'report-history-wanted:',
};

/** Every post-mortem of the project (drafts too: the report filters them), by the JQL the history keeps. */
export const historyJql = (incidentsJql: string) =>
  `${incidentsJql} AND issue.property[${INDEX_PROPERTY}].status IS NOT EMPTY`;
export const HISTORY_FIELDS = { fields: ['created'], properties: [INDEX_PROPERTY] };

/**
 * A post-mortem of the month of `createdIso` was saved: the views read it live until the job folds it into the
 * month. Called by postmortem-save.ts after its Jira writes, so a job that lists this marker reads the new values.
 */
export async function markMonthChanged(
  kvs: KeyValueStore,
  projectKey: string,
  createdIso: string | undefined,
  issue?: { key: string; id: string },
) {
  const created = Date.parse(createdIso ?? '');
  if (!issue || !Number.isFinite(created)) return;
  await kvs.set(historyKeys.marker(projectKey, monthLabel(created), issue.key), { id: issue.id });
}

export interface ChangeMarker {
  kvsKey: string;
  month: string;
  issueKey: string;
  id: string;
}

export async function readMarkers(kvs: KeyValueStore, projectKey: string): Promise<ChangeMarker[]> {
  const prefix = historyKeys.markers(projectKey);
  return (await kvs.listByPrefix(prefix)).flatMap(({ key, value }) => {
    const m = Marker.safeParse(value);
    const [month, issueKey] = key.slice(prefix.length).split(':');
    return m.success && month && issueKey ? [{ kvsKey: key, month, issueKey, id: m.data.id }] : [];
  });
}

export async function readMeta(kvs: KeyValueStore, projectKey: string): Promise<Record<string, MonthMeta>> {
  const m = Meta.safeParse(await kvs.get(historyKeys.meta(projectKey)));
  return m.success ? m.data.months : {};
}

/** A stored month's post-mortems, or null when missing, torn (parts of two builds) or unreadable. */
export async function readMonth(
  kvs: KeyValueStore,
  projectKey: string,
  month: string,
  meta: MonthMeta,
): Promise<Issue[] | null> {
  const json = await readParts(kvs, (i) => historyKeys.part(projectKey, month, i), meta);
  if (json === null) return null;
  try {
    const issues = z.array(IssueSchema).safeParse(JSON.parse(json));
    return issues.success && issues.data.length === meta.count ? issues.data : null;
  } catch {
    return null;
  }
}

/** Stores a month's post-mortems: parts first, then the meta that names their build (a torn month reads as missing). */
export async function writeMonth(
  kvs: KeyValueStore,
  projectKey: string,
  month: string,
  issues: Issue[],
  now: number,
  missing: { key: string; incident: string }[] | null,
) {
  const json = JSON.stringify(
    issues.map((i) => ({ id: i.id, key: i.key, fields: i.fields, properties: i.properties })),
  );
  // Parts first, under the month's fixed keys: a write torn by a failure reads as missing until rebuilt.
  const { build, parts } = await writeParts(kvs, (_build, i) => historyKeys.part(projectKey, month, i), json);
  // Read-modify-write of the meta: two writers racing may drop each other's month, which is then simply rebuilt.
  const months = await readMeta(kvs, projectKey);
  months[month] = {
    build,
    builtAt: now,
    parts,
    count: issues.length,
    missing: missing ?? [],
    missingChecked: missing !== null,
  };
  await kvs.set(historyKeys.meta(projectKey), { v: HISTORY_VERSION, months });
}

/** The UTC months from the one holding `from` to the one holding `to`, oldest first, with their bounds. */
export function monthsBetween(from: number, to: number): { label: string; start: number; end: number }[] {
  const out: { label: string; start: number; end: number }[] = [];
  const d = new Date(from);
  let start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  while (start <= to) {
    const s = new Date(start);
    const end = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1);
    out.push({ label: monthLabel(start), start, end });
    start = end;
  }
  return out;
}

/**
 * A month's post-mortems read live: searches bounded in relative minutes (zone-independent; the caller's `now` is
 * Jira's within seconds, and an hour's margin absorbs it), then cut by each issue's own `created`. Split in parts
 * of about a page each (`expected` issues in all), run in parallel: one round whatever the month's size.
 */
export async function readMonthLive(
  jira: JiraTransport,
  jql: string,
  m: { start: number; end: number },
  now: number,
  expected: number,
  reconcileIssues: number[] = [],
): Promise<Issue[]> {
  const days = Math.max(1, (m.end - m.start) / 86_400_000);
  const ranges = splitRange(m.start, Math.min(m.end, now + 86_400_000), expected / days, 150, 20);
  const parts = await Promise.all(
    ranges.map(([a, b]) =>
      searchAll(jira, `${jql} AND ${createdAround(now, a, b)}`, {
        ...HISTORY_FIELDS,
        maxResults: 5000,
        reconcileIssues,
      }),
    ),
  );
  return parts.flatMap((issues, i) => {
    const [a, b] = ranges[i] ?? [0, 0];
    return issues.filter((x) => {
      const c = Date.parse(x.fields?.created ?? '');
      return c >= a && c < b;
    });
  });
}

/** The marked incidents as Jira has them now (missing ones: deleted, or no post-mortem any more). */
export async function readMarked(jira: JiraTransport, jql: string, markers: ChangeMarker[]): Promise<Issue[]> {
  const ids = new Map(markers.map((m) => [m.issueKey, Number(m.id)]));
  // reconcileIssues: a save's index write may not be searchable yet; Jira then reads these ids fresh.
  return searchByKeys(jira, jql, [...ids.keys()], HISTORY_FIELDS, 50, (k) => {
    const id = ids.get(k);
    return id !== undefined && Number.isInteger(id) ? id : null;
  });
}

/** A stored month with the marked incidents of that month put over it (replaced, added or removed). */
export function overlay(stored: Issue[], month: string, markers: ChangeMarker[], marked: Issue[]): Issue[] {
  const touched = new Set(markers.filter((m) => m.month === month).map((m) => m.issueKey));
  if (!touched.size) return stored;
  const fresh = marked.filter((i) => touched.has(i.key) && monthLabel(Date.parse(i.fields?.created ?? '')) === month);
  return [...stored.filter((i) => !touched.has(i.key)), ...fresh];
}

/**
 * Action items of these post-mortems whose ticket is no longer among the project's action tickets (moved or
 * deleted): one count per 500 incidents (their tickets found vs. their action items), a search only where they differ.
 */
export async function findMissingTickets(
  jira: JiraTransport,
  ticketsJql: string,
  issues: Issue[],
  now: number,
): Promise<{ key: string; incident: string }[]> {
  const withTickets = incidentFacts(issues).filter((i) => i.index.actionKeys.length > 0);
  const chunks: (typeof withTickets)[] = [];
  for (let i = 0; i < withTickets.length; i += 500) chunks.push(withTickets.slice(i, i + 500));
  const missing = await Promise.all(
    chunks.map(async (chunk) => {
      // An action ticket is created from its incident's post-mortem, never before the incident: bounding by the
      // earliest incident spares Jira (and the emulator) every older ticket.
      const since = createdAround(now, Math.min(...chunk.map((i) => i.created)) - 86_400_000, Infinity);
      const jql = `${ticketsJql} AND ${since} AND issue.property[${ACTION_PROPERTY}].incident IN (${chunk.map((i) => quote(i.key)).join(', ')})`;
      const expected = chunk.flatMap((i) => i.index.actionKeys.map((key) => ({ key, incident: i.key })));
      if ((await approximateCount(jira, jql)) === expected.length) return [];
      const present = new Set((await searchAll(jira, jql, { fields: ['id'], maxResults: 5000 })).map((t) => t.key));
      return expected.filter((e) => !present.has(e.key));
    }),
  );
  return missing.flat().sort((a, b) => a.key.localeCompare(b.key));
}
