import { kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore } from './kvs';

/** @forge/kvs behind the app's interface. */
export const forgeKvs: KeyValueStore = {
  get: (key) => kvs.get(key),
  set: (key, value) => kvs.set(key, value),
  async setIfAbsent(key, value) {
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      // The error code for "key exists" is not documented: confirm by reading the key, so a
      // different failure (quota, network) is never mistaken for "someone else reserved it".
      if ((await kvs.get(key)) !== undefined) return false;
      throw error;
    }
  },
  delete: (key) => kvs.delete(key),
  async listByPrefix(prefix) {
    const out: { key: string; value: unknown }[] = [];
    let cursor: string | undefined;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany<unknown>();
      out.push(...page.results.map((r) => ({ key: r.key, value: r.value })));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  },
};
