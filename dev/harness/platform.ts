import { withRetry } from '../../src/jira/client';
import type { Platform } from '../../src/services/context';
import type { KeyValueStore } from '../../src/storage/kvs';
import { httpTransport } from '../http-transport';
import { MemoryKvs } from '../kvs/memory-kvs';

/** The local platform: the same services as in Forge, over HTTP to the emulator and an in-memory KVS. */
export function localPlatform(
  emulatorUrl: string,
  opts: { kvs?: KeyValueStore; now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): Platform {
  const policy = {
    maxRetries: 3,
    maxWaitMs: 5_000,
    sleep: opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
  };
  return {
    asUser: (accountId) => withRetry(httpTransport(emulatorUrl, { accountId }), policy),
    asApp: () => withRetry(httpTransport(emulatorUrl, 'app'), policy),
    kvs: opts.kvs ?? new MemoryKvs(),
    now: opts.now ?? Date.now,
  };
}
