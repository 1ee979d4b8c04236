import type { Route } from '@forge/api';
import { localPlatform } from '../../dev/harness/platform';
import type { JiraRequestInit, JiraResponse, JiraTransport } from '../../src/jira/transport';
import type { Platform } from '../../src/services/context';
import type { KeyValueStore } from '../../src/storage/kvs';
import type { TestJira } from './jira';

/**
 * Faults the emulator cannot script: no answer at all (a timeout, before or after the write landed), and a
 * hold that lets a test order two requests. Each rule fires `times` times on calls whose "METHOD path" matches.
 */
export interface TransportFault {
  match: RegExp;
  times: number;
  kind: 'timeout-before' | 'timeout-after' | 'hold';
  /** For 'hold': the call goes through once this promise settles. */
  until?: Promise<unknown>;
  /** Let this many matching calls through first. */
  skip?: number;
}

export function timeoutError(): Error {
  const e = new Error('The operation was aborted due to timeout');
  e.name = 'TimeoutError';
  return e;
}

function faulty(inner: JiraTransport, faults: TransportFault[]): JiraTransport {
  return {
    async requestJira(path: Route, init: JiraRequestInit): Promise<JiraResponse> {
      const target = `${init.method} ${path.value.split('?')[0] ?? ''}`;
      const f = faults.find((x) => x.times > 0 && x.match.test(target));
      if (!f) return inner.requestJira(path, init);
      if (f.skip) {
        f.skip -= 1;
        return inner.requestJira(path, init);
      }
      f.times -= 1;
      if (f.kind === 'timeout-before') throw timeoutError();
      if (f.kind === 'hold') {
        await f.until;
        return inner.requestJira(path, init);
      }
      await inner.requestJira(path, init);
      throw timeoutError();
    },
  };
}

/**
 * Faults of the app's storage (@forge/kvs answers 429 and 5xx, or not at all): a write refused before it lands, or
 * one that lands and whose answer is lost. Each rule fires `times` times on writes whose "op key" matches.
 */
export interface KvsFault {
  match: RegExp;
  times: number;
  kind: 'error-before' | 'error-after' | 'timeout-before' | 'timeout-after' | 'rate-limited';
}

function kvsError(kind: KvsFault['kind']): Error {
  if (kind === 'timeout-before' || kind === 'timeout-after') return timeoutError();
  const e = new Error(kind === 'rate-limited' ? 'Too many requests (429)' : 'Internal server error (500)');
  e.name = 'ForgeKvsAPIError';
  return e;
}

/** The store with scripted write faults; reads always answer (a test reads back what a fault left). */
export function faultyKvs(inner: KeyValueStore, faults: KvsFault[]): KeyValueStore {
  async function write<T>(op: string, key: string, run: () => Promise<T>): Promise<T> {
    const f = faults.find((x) => x.times > 0 && x.match.test(`${op} ${key}`));
    if (!f) return run();
    f.times -= 1;
    if (f.kind === 'error-after' || f.kind === 'timeout-after') await run();
    throw kvsError(f.kind);
  }
  return {
    get: (k) => inner.get(k),
    listByPrefix: (p) => inner.listByPrefix(p),
    set: (k, v) => write('set', k, () => inner.set(k, v)),
    setIfAbsent: (k, v) => write('setIfAbsent', k, () => inner.setIfAbsent(k, v)),
    delete: (k) => write('delete', k, () => inner.delete(k)),
  };
}

/** The test platform with a clock the test moves and transport and storage faults the test scripts. */
export function faultyPlatform(jira: TestJira, opts: { kvs?: KeyValueStore } = {}) {
  const clock = { now: Date.parse('2026-11-26T12:00:00Z') };
  const faults: TransportFault[] = [];
  const kvsFaults: KvsFault[] = [];
  const base = localPlatform(jira.emulator.url, {
    kvs: faultyKvs(opts.kvs ?? jira.kvs, kvsFaults),
    now: () => clock.now,
    sleep: async () => {},
  });
  const platform: Platform = {
    asUser: (id) => faulty(base.asUser(id), faults),
    asApp: () => faulty(base.asApp(), faults),
    kvs: base.kvs,
    now: () => clock.now,
  };
  return { platform, clock, faults, kvsFaults };
}

/** A KVS whose every operation takes `min`-`max` ms, like the remote store (deterministic from `seed`). */
export function slowKvs(inner: KeyValueStore, min = 5, max = 25, seed = 7): KeyValueStore {
  let s = seed;
  const wait = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return new Promise<void>((r) => setTimeout(r, min + (s % (max - min + 1))));
  };
  return {
    get: async (k) => (await wait(), inner.get(k)),
    set: async (k, v) => (await wait(), inner.set(k, v)),
    setIfAbsent: async (k, v) => (await wait(), inner.setIfAbsent(k, v)),
    delete: async (k) => (await wait(), inner.delete(k)),
    listByPrefix: async (p) => (await wait(), inner.listByPrefix(p)),
  };
}
