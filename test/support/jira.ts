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

/** An in-memory emulator (optionally seeded) and the app's platform over it; retries sleep instantly. */
export async function startTestJira(
  opts: {
    seed?:
      | 'demo'
      | { incidents: number; actionsPerIncident: 'varied' | 3; spanDays?: number; kanbanIncidents?: number }
      | false;
  } = {},
): Promise<TestJira> {
  const emulator = await startEmulator({ now: () => TEST_NOW });
  let seed: SeedSummary | null = null;
  if (opts.seed !== false) {
    const s =
      opts.seed === undefined || opts.seed === 'demo'
        ? { incidents: 180, actionsPerIncident: 'varied' as const, spanDays: 365 }
        : { spanDays: 365, ...opts.seed };
    seed = seedDemo(emulator.store, { seed: 42, now: TEST_NOW, ...s });
  }
  const kvs = new MemoryKvs();
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
