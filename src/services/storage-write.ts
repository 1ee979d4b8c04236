import { messages } from '../shared/messages';
import type { KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';

/**
 * Writes to app storage that tell the truth after a failure. A storage call that throws (rate limited, a 5xx, no
 * answer) may still have landed, so the app reads the key back: there with this value = saved (the call's answer
 * was lost), absent = not saved, unreadable = not known (and the person is told how to check).
 */

/** JSON is what storage keeps: compare what was read back with what was written in that form. */
const same = (stored: unknown, written: unknown) => JSON.stringify(stored) === JSON.stringify(written);

function notSaved(what: string): AppFailure {
  return new AppFailure('STORAGE_ERROR', messages.storageNotSaved(what), undefined, undefined, 'not-saved');
}
function unknown(what: string, check: string): AppFailure {
  return new AppFailure('UNCERTAIN', messages.storageUnknown(what, check), undefined, undefined, 'unknown');
}

async function readBack(kvs: KeyValueStore, key: string, what: string, check: string): Promise<unknown> {
  try {
    return await kvs.get(key);
  } catch {
    throw unknown(what, check);
  }
}

/** Sets `key` to `value`; resolves only once the value is known to be stored. */
export async function confirmedSet(
  kvs: KeyValueStore,
  key: string,
  value: unknown,
  what: string,
  check: string,
): Promise<void> {
  try {
    await kvs.set(key, value);
  } catch {
    if (!same(await readBack(kvs, key, what, check), JSON.parse(JSON.stringify(value)))) throw notSaved(what);
  }
}

/**
 * Creates `key` if absent. True when this value is stored there now (created by this call, or by this same value
 * whose answer was lost); false when the key holds something else (someone else's); throws when it is unknown.
 */
export async function confirmedSetIfAbsent(
  kvs: KeyValueStore,
  key: string,
  value: unknown,
  what: string,
  check: string,
): Promise<boolean> {
  try {
    return await kvs.setIfAbsent(key, value);
  } catch {
    const stored = await readBack(kvs, key, what, check);
    if (stored === undefined || stored === null) throw notSaved(what);
    return same(stored, JSON.parse(JSON.stringify(value)));
  }
}
