import type { KeyValueStore } from '../../src/storage/kvs';

/**
 * Local stand-in for @forge/kvs with the semantics the app relies on: values are copied in and out
 * (as if serialised), and setIfAbsent is atomic, like keyPolicy FAIL_IF_EXISTS. Operations are async
 * and yield, so concurrent callers interleave as they would against the real service.
 */
export class MemoryKvs implements KeyValueStore {
  private readonly data = new Map<string, string>();

  async get(key: string): Promise<unknown> {
    await Promise.resolve();
    const v = this.data.get(key);
    return v === undefined ? undefined : JSON.parse(v);
  }

  async set(key: string, value: unknown): Promise<void> {
    await Promise.resolve();
    this.check(key, value);
    this.data.set(key, JSON.stringify(value));
  }

  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    await Promise.resolve();
    this.check(key, value);
    if (this.data.has(key)) return false; // check and write happen in one tick: atomic
    this.data.set(key, JSON.stringify(value));
    return true;
  }

  async delete(key: string): Promise<void> {
    await Promise.resolve();
    this.data.delete(key);
  }

  async listByPrefix(prefix: string): Promise<{ key: string; value: unknown }[]> {
    await Promise.resolve();
    return [...this.data.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, v]) => ({ key, value: JSON.parse(v) }));
  }

  keys(): string[] {
    return [...this.data.keys()];
  }

  private check(key: string, value: unknown) {
    if (key.length === 0 || key.length > 500) throw new Error(`KVS key must be 1-500 characters (got ${key.length})`);
    if (Buffer.byteLength(JSON.stringify(value), 'utf8') > 240 * 1024) throw new Error('KVS value exceeds 240 KiB');
  }
}
