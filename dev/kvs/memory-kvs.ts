import type { KeyValueStore } from '../../src/storage/kvs';

/**
 * Local stand-in for @forge/kvs with the semantics the app relies on: values are copied in and out
 * (as if serialised), and setIfAbsent is atomic, like keyPolicy FAIL_IF_EXISTS. Operations are async
 * and yield, so concurrent callers interleave as they would against the real service.
 */
export interface MemoryKvsOptions {
  /**
   * Latency knob: each operation takes a random [min, max] ms, half on the way to the store and half back, as a
   * call to the remote @forge/kvs service does; the operation itself still happens at one instant (so
   * setIfAbsent stays atomic). A fixed seed keeps runs repeatable.
   */
  latencyMs?: [number, number] | null;
  seed?: number;
}

export class MemoryKvs implements KeyValueStore {
  private readonly data = new Map<string, string>();
  private latency: [number, number] | null;
  private rand: number;

  constructor(opts: MemoryKvsOptions = {}) {
    this.latency = opts.latencyMs ?? null;
    this.rand = opts.seed ?? 7;
  }

  /** Changes the latency knob at run time (null: answer on the next tick). */
  setLatency(latencyMs: [number, number] | null) {
    this.latency = latencyMs;
  }

  /** The latency knob's current value. */
  get latencyMs(): [number, number] | null {
    return this.latency;
  }

  async get(key: string): Promise<unknown> {
    await this.travel();
    const v = this.data.get(key);
    await this.travel();
    return v === undefined ? undefined : JSON.parse(v);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.travel();
    this.check(key, value);
    this.data.set(key, JSON.stringify(value));
    await this.travel();
  }

  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    await this.travel();
    this.check(key, value);
    const absent = !this.data.has(key); // check and write happen in one tick: atomic
    if (absent) this.data.set(key, JSON.stringify(value));
    await this.travel();
    return absent;
  }

  async delete(key: string): Promise<void> {
    await this.travel();
    this.data.delete(key);
    await this.travel();
  }

  async listByPrefix(prefix: string): Promise<{ key: string; value: unknown }[]> {
    await this.travel();
    const snapshot = [...this.data.entries()];
    await this.travel();
    return snapshot
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, v]) => ({ key, value: JSON.parse(v) }));
  }

  keys(): string[] {
    return [...this.data.keys()];
  }

  private async travel(): Promise<void> {
    if (!this.latency) return Promise.resolve();
    const [min, max] = this.latency;
    // A small linear congruential generator: deterministic per store, no dependency.
    this.rand = (this.rand * 1_103_515_245 + 12_345) % 2_147_483_648;
    const ms = min + Math.floor((this.rand / 2_147_483_648) * (max - min + 1));
    await new Promise((resolve) => setTimeout(resolve, ms / 2));
  }

  private check(key: string, value: unknown) {
    if (key.length === 0 || key.length > 500) throw new Error(`KVS key must be 1-500 characters (got ${key.length})`);
    if (Buffer.byteLength(JSON.stringify(value), 'utf8') > 240 * 1024) throw new Error('KVS value exceeds 240 KiB');
  }
}
