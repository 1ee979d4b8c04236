import { startEmulator, type Emulator } from '../../dev/emulator/server';
import { localPlatform } from '../../dev/harness/platform';
import { MemoryKvs } from '../../dev/kvs/memory-kvs';
import { seedDemo, type SeedSummary } from '../../dev/seed/generate';
import type { Platform } from '../../src/services/context';
import { ensureSiteSetup } from '../../src/services/install';

/** The fixed clock of the test world: relative JQL dates and the seed agree on "now". */
export const TEST_NOW = Date.parse('2026-11-26T12:00:00Z');

export interface TestJira {
  emulator: Emulator;
  platform: Platform;
  kvs: MemoryKvs;
  seed: SeedSummary | null;
  sleeps: number[];
  close(): Promise<void>;
}

export interface TestJiraOptions {
  seed?:
    | 'demo'
    | { incidents: number; actionsPerIncident: 'varied' | 3; spanDays?: number; kanbanIncidents?: number }
    | false;
  /**
   * Caps every search page (emulator knob maxPageSize). Small by default, so every test proves that the app follows
   * nextPageToken/isLast as Jira requires; null leaves the emulator's own page-size model.
   */
  maxPageSize?: number | null;
  /**
   * Jira-like timing: search and approximate-count lag writes (knob indexLagMs; the test clock is fixed, so a write
   * stays unseen until reconciled or `emulator.settleIndex()`), and every KVS operation takes 5-25 ms, like the
   * remote @forge/kvs. Concurrency and fault tests turn this on.
   */
  jiraLike?: boolean;
}

/** Milliseconds of index lag under `jiraLike` (any positive lag never passes on the fixed test clock). */
export const TEST_INDEX_LAG_MS = 5_000;
export const DEFAULT_TEST_PAGE_SIZE = 20;

/** An in-memory emulator (optionally seeded) and the app's platform over it; retries sleep instantly. */
export async function startTestJira(opts: TestJiraOptions = {}): Promise<TestJira> {
  const emulator = await startEmulator({ now: () => TEST_NOW });
  emulator.knobs.maxPageSize = opts.maxPageSize === undefined ? DEFAULT_TEST_PAGE_SIZE : opts.maxPageSize;
  let seed: SeedSummary | null = null;
  if (opts.seed !== false) {
    const s =
      opts.seed === undefined || opts.seed === 'demo'
        ? { incidents: 180, actionsPerIncident: 'varied' as const, spanDays: 365 }
        : { spanDays: 365, ...opts.seed };
    seed = seedDemo(emulator.store, { seed: 42, now: TEST_NOW, ...s });
  }
  const kvs = new MemoryKvs(opts.jiraLike ? { latencyMs: [5, 25] } : {});
  const sleeps: number[] = [];
  const platform = localPlatform(emulator.url, {
    kvs,
    now: () => TEST_NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  // What the install trigger does on a real site; the call log starts empty afterwards.
  if (opts.seed !== false) {
    await ensureSiteSetup(platform.asApp(), kvs);
    emulator.calls.length = 0;
  }
  // After seeding and setup: the lag applies to what the app writes during the test.
  if (opts.jiraLike) emulator.knobs.indexLagMs = TEST_INDEX_LAG_MS;
  return { emulator, platform, kvs, seed, sleeps, close: () => emulator.close() };
}

/** Raw HTTP to the emulator as a user, for tests of the emulator itself. */
export async function raw(
  emulator: Emulator,
  method: string,
  path: string,
  opts: { as?: string; app?: boolean; body?: unknown } = {},
) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (opts.app) headers['x-emulator-as-app'] = 'true';
  else headers['x-emulator-account-id'] = opts.as ?? 'acc-alice';
  const res = await fetch(emulator.url + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json };
}

/**
 * What an issue's `issuelinks` says in words, as Jira's issue view reads it: a link holding `outwardIssue` reads
 * "<this> <type.outward> <other>", one holding `inwardIssue` reads "<this> <type.inward> <other>"
 * (developer.atlassian.com/cloud/jira/platform/issue-linking-model/).
 */
export async function linkSentences(emulator: Emulator, key: string): Promise<string[]> {
  const r = await raw(emulator, 'GET', `/rest/api/3/issue/${key}?fields=issuelinks`, { app: true });
  const body = r.json as {
    fields: {
      issuelinks: {
        type: { inward: string; outward: string };
        inwardIssue?: { key: string };
        outwardIssue?: { key: string };
      }[];
    };
  };
  return body.fields.issuelinks.map((l) =>
    l.outwardIssue ? `${key} ${l.type.outward} ${l.outwardIssue.key}` : `${key} ${l.type.inward} ${l.inwardIssue?.key}`,
  );
}
