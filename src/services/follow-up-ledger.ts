import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readParts, writeParts } from '../storage/gzip-parts';
import type { KeyValueStore } from '../storage/kvs';
import type { IncidentRec, TicketRec } from './follow-up-records';

/**
 * The follow-up ledger: per project, one small record per action ticket and per published post-mortem
 * (follow-up-records.ts), kept in app storage by a scheduled job as the app (follow-up-ledger-job.ts), so the
 * "did the action hold?" card reads a few values from storage instead of 400,000 issues from Jira.
 *
 * - Stored as gzip in parts under @forge/kvs's 240 KiB per value; the meta names the parts' build, so a half-written
 *   ledger reads as missing (as report-cache.ts does for the report's months).
 * - `syncedAt`: the job's clock when it last searched for changes. What changed since (tickets: status and
 *   resolution move Jira's `updated`; post-mortems: each save leaves a marker, as Jira may not move `updated` for a
 *   property) is read live by each view and put over the ledger; counts check what neither reveals (deletions).
 */
export const LEDGER_VERSION = 1;

const Meta = z.object({
  v: z.literal(LEDGER_VERSION),
  build: z.string(),
  parts: z.number().int().min(1),
  syncedAt: z.number(),
  /** When the ledger was last built from a full read (the job rebuilds it weekly: edits no search reveals). */
  fullAt: z.number(),
  tickets: z.number().int(),
  incidents: z.number().int(),
  /** Consecutive syncs whose counts (as the app) disagreed with the ledger: two start a rebuild. */
  mismatches: z.number().int().default(0),
});
export type LedgerMeta = z.infer<typeof Meta>;
const Wanted = z.object({ at: z.number() });
const Marker = z.object({ id: z.string() });

export const ledgerKeys = {
  meta: (p: string) => `followup-ledger:${p}`,
  part: (p: string, build: string, i: number) => `followup-ledger-part:${p}:${build}:${i}`,
  build: (p: string) => `followup-ledger-build:${p}`,
  stage: (p: string, build: string, slice: number, i: number) => `followup-ledger-stage:${p}:${build}:${slice}:${i}`,
  marker: (p: string, issueKey: string) => `followup-ledger-changed:${p}:${issueKey}:${randomUUID().slice(0, 8)}`,
  markers: (p: string) => `followup-ledger-changed:${p}:`,
  wanted: (p: string) => `followup-ledger-wanted:${p}`,
  wantedPrefix: () => 'followup-ledger-wanted:',
};

export interface Ledger {
  tickets: Map<number, TicketRec>;
  incidents: Map<string, IncidentRec>;
}

/**
 * Columnar and compact (300,000 tickets in about a megabyte of gzip): ids sorted and delta-coded, incident keys
 * as indexes into one table, done and resolution in one number (-1 open, -2 done without a resolution date).
 */
const Encoded = z.object({
  keys: z.array(z.string()),
  t: z.object({ id: z.array(z.number()), inc: z.array(z.number().int()), res: z.array(z.number()) }),
  i: z.object({ id: z.array(z.number()), key: z.array(z.number().int()), rep: z.array(z.number().int()) }),
});

export function encodeLedger(l: Ledger): string {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const ix = (k: string | null) => {
    if (k === null) return -1;
    let n = index.get(k);
    if (n === undefined) index.set(k, (n = keys.push(k) - 1));
    return n;
  };
  const tickets = [...l.tickets.values()].sort((a, b) => a.id - b.id);
  const incidents = [...l.incidents.values()].sort((a, b) => a.id - b.id);
  const delta = (ids: number[]) => ids.map((id, n) => id - (ids[n - 1] ?? 0));
  return JSON.stringify({
    keys,
    t: {
      id: delta(tickets.map((t) => t.id)),
      inc: tickets.map((t) => ix(t.incident)),
      res: tickets.map((t) => (!t.done ? -1 : (t.resolved ?? -2))),
    },
    // repeatWhileOpen rides on the repeat's index: 2n for n, 2n+1 for n while open (-1: no repeat).
    i: {
      id: delta(incidents.map((i) => i.id)),
      key: incidents.map((i) => ix(i.key)),
      rep: incidents.map((i) => (i.repeatOf === null ? -1 : ix(i.repeatOf) * 2 + i.repeatWhileOpen)),
    },
  });
}

export function decodeLedger(json: string): Ledger | null {
  const e = Encoded.safeParse(JSON.parse(json));
  if (!e.success) return null;
  const { keys, t, i } = e.data;
  if (t.inc.length !== t.id.length || t.res.length !== t.id.length) return null;
  if (i.key.length !== i.id.length || i.rep.length !== i.id.length) return null;
  const key = (n: number) => (n < 0 ? null : (keys[n] ?? null));
  const tickets = new Map<number, TicketRec>();
  let id = 0;
  t.id.forEach((d, n) => {
    id += d;
    const res = t.res[n] ?? -1;
    tickets.set(id, { id, incident: key(t.inc[n] ?? -1), done: res !== -1, resolved: res < 0 ? null : res });
  });
  const incidents = new Map<string, IncidentRec>();
  id = 0;
  for (let n = 0; n < i.id.length; n++) {
    id += i.id[n] ?? 0;
    const k = key(i.key[n] ?? -1);
    const rep = i.rep[n] ?? -1;
    if (k === null) return null;
    const repeatOf = rep < 0 ? null : key(Math.floor(rep / 2));
    incidents.set(k, { id, key: k, repeatOf, repeatWhileOpen: repeatOf !== null && rep % 2 === 1 ? 1 : 0 });
  }
  return { tickets, incidents };
}

export async function readLedgerMeta(kvs: KeyValueStore, projectKey: string): Promise<LedgerMeta | null> {
  return Meta.safeParse(await kvs.get(ledgerKeys.meta(projectKey))).data ?? null;
}

export async function readLedger(kvs: KeyValueStore, projectKey: string, meta: LedgerMeta): Promise<Ledger | null> {
  const json = await readParts(kvs, (i) => ledgerKeys.part(projectKey, meta.build, i), meta);
  if (json === null) return null;
  try {
    const l = decodeLedger(json);
    return l && l.tickets.size === meta.tickets && l.incidents.size === meta.incidents ? l : null;
  } catch {
    return null;
  }
}

/**
 * Stores the ledger: parts under keys of their own build first, then the meta naming that build, then the last
 * build's parts are dropped. A write that fails half way leaves the ledger before it whole (a rebuild is costly).
 */
export async function writeLedger(
  kvs: KeyValueStore,
  projectKey: string,
  ledger: Ledger,
  stamp: { syncedAt: number; fullAt: number; mismatches: number },
  previous: LedgerMeta | null,
): Promise<LedgerMeta> {
  const ref = await writeParts(kvs, (b, i) => ledgerKeys.part(projectKey, b, i), encodeLedger(ledger));
  const meta: LedgerMeta = {
    v: LEDGER_VERSION,
    ...ref,
    ...stamp,
    tickets: ledger.tickets.size,
    incidents: ledger.incidents.size,
  };
  await kvs.set(ledgerKeys.meta(projectKey), meta);
  if (previous && previous.build !== ref.build)
    for (let i = 0; i < previous.parts; i++)
      await kvs.delete(ledgerKeys.part(projectKey, previous.build, i)).catch(() => undefined);
  return meta;
}

/**
 * A post-mortem of this project was saved: views read it live until the ledger job has synced it. Called by
 * postmortem-save.ts after its Jira writes, so a job that lists this marker reads the new values. Only for projects
 * the job keeps (markers of others would pile up unread): a ledger built later starts after these writes anyway.
 */
export async function markFollowUpChanged(kvs: KeyValueStore, projectKey: string, issue: { key: string; id: string }) {
  if ((await readWanted(kvs, projectKey)) === null) return;
  await kvs.set(ledgerKeys.marker(projectKey, issue.key), { id: issue.id });
}

export interface LedgerMarker {
  kvsKey: string;
  issueKey: string;
  id: number;
}

export async function readLedgerMarkers(kvs: KeyValueStore, projectKey: string): Promise<LedgerMarker[]> {
  const prefix = ledgerKeys.markers(projectKey);
  return (await kvs.listByPrefix(prefix)).flatMap(({ key, value }) => {
    const m = Marker.safeParse(value);
    const issueKey = key.slice(prefix.length).split(':')[0];
    return m.success && issueKey ? [{ kvsKey: key, issueKey, id: Number(m.data.id) }] : [];
  });
}

/** The projects whose card was viewed lately (the job keeps their ledgers), with when. */
export async function wantedProjects(
  kvs: KeyValueStore,
): Promise<{ projectKey: string; kvsKey: string; at: number }[]> {
  const prefix = ledgerKeys.wantedPrefix();
  return (await kvs.listByPrefix(prefix)).map(({ key, value }) => ({
    projectKey: key.slice(prefix.length),
    kvsKey: key,
    at: Wanted.safeParse(value).data?.at ?? 0,
  }));
}

export async function readWanted(kvs: KeyValueStore, projectKey: string): Promise<number | null> {
  return Wanted.safeParse(await kvs.get(ledgerKeys.wanted(projectKey))).data?.at ?? null;
}
