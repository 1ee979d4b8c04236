import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { jql } from '../domain/jql';
import { createdAround } from '../domain/report-months';
import type { Issue } from '../jira/schemas';
import { searchAll, searchPage } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { KeyValueStore } from '../storage/kvs';
import { applyChanges, countsAgree, readChanges } from './follow-up-changes';
import {
  decodeLedger,
  encodeLedger,
  ledgerKeys,
  readLedger,
  readLedgerMarkers,
  readLedgerMeta,
  wantedProjects,
  writeLedger,
  type Ledger,
  type LedgerMeta,
} from './follow-up-ledger';
import { readParts, writeParts } from '../storage/gzip-parts';
import { INCIDENT_SEARCH, incidentRecord, TICKET_SEARCH, ticketRecord } from './follow-up-records';
import type { JobRun, TimeBudget } from './job-budget';

const DAY = 86_400_000;
/**
 * A full read once a week catches what neither a search by `updated` nor a count reveals (an action property
 * re-pointed over REST, a lost save marker). It costs a point per ticket, as every view did before the ledger: once
 * a day would spend the hourly quota of a large site on a case that hardly happens.
 */
export const FULL_RECHECK_MS = 7 * DAY;
/**
 * Counts that disagree on two syncs in a row (a ticket deleted, moved or detached) start a rebuild, at most once per
 * this period: approximate counts are estimates, and one that stays off must not rebuild every twenty minutes.
 * Meanwhile views read small projects live and say a large one's figures are being prepared.
 */
export const MISMATCH_REBUILD_MS = DAY;
/**
 * The first build reads tickets and post-mortems by creation time, this much per slice, this many slices a step
 * (two paged searches each, in parallel: 8 took 34 s where 4 took 54 s at 300,000 tickets, 100 ms per call, 10 in
 * flight; a 429 is retried after Retry-After, and the job resumes at its next run if it is still short of time).
 */
const SLICE_MS = 30 * DAY;
const SLICES_PER_STEP = 8;
/** A project whose card nobody opened for this long is no longer kept (a later view finds its ledger stale). */
const WANTED_FOR_MS = 30 * DAY;
const SYNC_EVERY_MS = 10 * 60_000;
/** Time a build step needs at most (8 slices of a large project, each a few pages): kept back before starting one. */
const STEP_RESERVE_MS = 20_000;

const Staged = z.object({ build: z.string(), parts: z.number().int().min(1) });
const BuildState = z.object({
  build: z.string(),
  /** The job's clock when the build began: the ledger is synced from then on. */
  t0: z.number(),
  /** The oldest creation time among the tickets and post-mortems: slices go back to it. */
  from: z.number(),
  /** Slices below this creation time are still to read (newest first). */
  next: z.number(),
  staged: z.array(Staged),
});
type BuildState = z.infer<typeof BuildState>;

/**
 * The follow-up ledger job (run by the report-history scheduled trigger, as the app): for each project whose
 * follow-up card was viewed lately, builds its ledger in resumable slices (the first time and once a week), or
 * syncs it with what changed since. Each step's result is in storage before the cursor moves, so a run that runs out
 * of time or meets a fault resumes at the next run where it stopped.
 */
export async function keepFollowUpLedgers(
  jira: JiraTransport,
  kvs: KeyValueStore,
  now: () => number,
  budget: TimeBudget,
  opts: { syncEveryMs?: number } = {},
): Promise<JobRun> {
  const run: JobRun = { job: 'followup-ledger', status: 'done', steps: 0, processed: 0, resumed: false };
  // A project whose step fails (Jira or storage) does not hold up the others; the first failure is raised at the
  // end, so the run is logged as failed, and the next run resumes that project from its saved state.
  let failure: unknown = null;
  for (const w of await wantedProjects(kvs)) {
    if (now() - w.at > WANTED_FOR_MS) {
      await kvs.delete(w.kvsKey);
      continue;
    }
    try {
      if (!(await keepLedger(jira, kvs, w.projectKey, now, budget, run, opts.syncEveryMs ?? SYNC_EVERY_MS))) {
        run.status = 'paused';
        break;
      }
    } catch (e) {
      failure ??= e;
    }
  }
  if (failure) throw failure;
  return run;
}

async function keepLedger(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  now: () => number,
  budget: TimeBudget,
  run: JobRun,
  syncEveryMs: number,
): Promise<boolean> {
  if (!budget.ok()) return false;
  let meta = await readLedgerMeta(kvs, projectKey);
  let state = BuildState.safeParse(await kvs.get(ledgerKeys.build(projectKey))).data ?? null;
  run.resumed ||= state !== null;
  const due = (m: LedgerMeta) =>
    now() - m.fullAt > FULL_RECHECK_MS || (m.mismatches >= 2 && now() - m.fullAt > MISMATCH_REBUILD_MS);
  if (!state && (!meta || due(meta))) state = await startBuild(jira, kvs, projectKey, now());
  if (state) {
    if (!(await continueBuild(jira, kvs, projectKey, state, now, budget, run))) return false;
    meta = await readLedgerMeta(kvs, projectKey);
  }
  if (!meta || !budget.ok()) return budget.ok();
  const markers = (await readLedgerMarkers(kvs, projectKey)).slice(0, 50);
  if (now() - meta.syncedAt < syncEveryMs && markers.length === 0) return true;
  await sync(jira, kvs, projectKey, meta, markers, now());
  run.steps++;
  return true;
}

/** What changed since the last sync, put into the ledger; counts that disagree twice in a row start a rebuild. */
async function sync(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  meta: LedgerMeta,
  markers: Awaited<ReturnType<typeof readLedgerMarkers>>,
  t: number,
) {
  // Markers are listed before reading: a save made meanwhile keeps its marker for the next sync.
  const [ledger, changes] = await Promise.all([
    readLedger(kvs, projectKey, meta),
    readChanges(jira, projectKey, meta.syncedAt, t, markers),
  ]);
  if (!ledger) {
    // Torn or unreadable: rebuilt from scratch by the next run (views read live or say it is being prepared). Only if
    // the meta still names what was read: an overlapping run may have written a new ledger meanwhile.
    const current = await readLedgerMeta(kvs, projectKey);
    if (current && JSON.stringify(current) === JSON.stringify(meta)) await kvs.delete(ledgerKeys.meta(projectKey));
    return;
  }
  const changed = applyChanges(ledger, changes);
  const mismatches = countsAgree(ledger, changes.counts) ? 0 : meta.mismatches + 1;
  if (changed) await writeLedger(kvs, projectKey, ledger, { syncedAt: t, fullAt: meta.fullAt, mismatches }, meta);
  else await kvs.set(ledgerKeys.meta(projectKey), { ...meta, syncedAt: t, mismatches });
  await Promise.all(markers.map((m) => kvs.delete(m.kvsKey)));
}

async function startBuild(jira: JiraTransport, kvs: KeyValueStore, projectKey: string, t0: number) {
  const oldest = await Promise.all(
    [jql.actionTickets(projectKey), jql.publishedPostmortems(projectKey)].map((q) =>
      searchPage(jira, `${q} ORDER BY created ASC`, { fields: ['created'], maxResults: 1 }),
    ),
  );
  const created = oldest.flatMap((p) => p.issues.map((i) => Date.parse(i.fields?.created ?? '')));
  const from = Math.min(t0, ...created.filter(Number.isFinite));
  const state: BuildState = { build: randomUUID().slice(0, 12), t0, from, next: t0, staged: [] };
  await kvs.set(ledgerKeys.build(projectKey), state);
  return state;
}

/** Reads slices newest first until all are staged, then writes the ledger; false when out of time first. */
async function continueBuild(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  state: BuildState,
  now: () => number,
  budget: TimeBudget,
  run: JobRun,
): Promise<boolean> {
  while (state.staged.length === 0 || state.next > state.from) {
    // A step reads several slices (seconds at 100,000 tickets): none is started that could not finish in time.
    if (!budget.ok() || budget.exhausted(STEP_RESERVE_MS)) return false;
    // The newest slice has no upper bound (tickets created since t0 too); the oldest none below.
    const slices: [number, number][] = [];
    for (let hi = state.next; slices.length < SLICES_PER_STEP;) {
      const lo = hi - SLICE_MS <= state.from ? -Infinity : hi - SLICE_MS;
      slices.push([lo, hi >= state.t0 ? Infinity : hi]);
      if (lo === -Infinity) break;
      hi = lo;
    }
    const t = now();
    const read = await Promise.all(slices.map(([lo, hi]) => readSlice(jira, projectKey, lo, hi, t)));
    const part: Ledger = { tickets: new Map(), incidents: new Map() };
    for (const s of read) {
      for (const r of s.tickets) part.tickets.set(r.id, r);
      for (const r of s.incidents) part.incidents.set(r.key, r);
    }
    const n = state.staged.length;
    const ref = await writeParts(kvs, (_b, i) => ledgerKeys.stage(projectKey, state.build, n, i), encodeLedger(part));
    const lowest = slices[slices.length - 1]?.[0] ?? -Infinity;
    state = { ...state, next: Number.isFinite(lowest) ? lowest : state.from, staged: [...state.staged, ref] };
    await kvs.set(ledgerKeys.build(projectKey), state);
    run.steps++;
    run.processed += part.tickets.size + part.incidents.size;
  }
  return finishBuild(kvs, projectKey, state);
}

async function readSlice(jira: JiraTransport, projectKey: string, lo: number, hi: number, t: number) {
  const bounded = (q: string) => {
    const c = createdAround(t, lo, hi);
    return c ? `${q} AND ${c}` : q;
  };
  // createdAround adds an hour's margin each side: each issue is kept only in the slice of its own `created`.
  const inSlice = (i: Issue) => {
    const c = Date.parse(i.fields?.created ?? '');
    return !Number.isFinite(c) || (c >= lo && c < hi);
  };
  const [tickets, incidents] = await Promise.all([
    searchAll(jira, bounded(jql.actionTickets(projectKey)), { ...TICKET_SEARCH, maxResults: 5000 }),
    searchAll(jira, bounded(jql.publishedPostmortems(projectKey)), { ...INCIDENT_SEARCH, maxResults: 5000 }),
  ]);
  return {
    tickets: tickets.filter(inSlice).map(ticketRecord),
    incidents: incidents.filter(inSlice).flatMap((i) => incidentRecord(i) ?? []),
  };
}

async function finishBuild(kvs: KeyValueStore, projectKey: string, state: BuildState): Promise<boolean> {
  const ledger: Ledger = { tickets: new Map(), incidents: new Map() };
  const stageKey = (n: number) => (i: number) => ledgerKeys.stage(projectKey, state.build, n, i);
  for (const [n, ref] of state.staged.entries()) {
    const json = await readParts(kvs, stageKey(n), ref);
    const part = json === null ? null : decodeLedger(json);
    if (!part) {
      // A staged slice is lost: start over at the next run rather than keep a ledger with a hole.
      await kvs.delete(ledgerKeys.build(projectKey));
      return false;
    }
    for (const [id, r] of part.tickets) ledger.tickets.set(id, r);
    for (const [k, r] of part.incidents) ledger.incidents.set(k, r);
  }
  const previous = await readLedgerMeta(kvs, projectKey);
  await writeLedger(kvs, projectKey, ledger, { syncedAt: state.t0, fullAt: state.t0, mismatches: 0 }, previous);
  await kvs.delete(ledgerKeys.build(projectKey));
  for (const [n, ref] of state.staged.entries()) for (let i = 0; i < ref.parts; i++) await kvs.delete(stageKey(n)(i));
  return true;
}
