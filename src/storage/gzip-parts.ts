import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { KeyValueStore } from './kvs';

/**
 * A large JSON value in app storage: gzip, base64, split into parts under @forge/kvs's 240 KiB per value, every part
 * tagged with the build it belongs to. Whoever names the build (a meta value, written after the parts) makes it
 * readable; parts of two builds (a write torn by a failure or a race) read as missing, never as a wrong value.
 * Used by the report's post-mortem history (report-cache.ts) and the follow-up ledger (follow-up-ledger.ts).
 */
const PART_CHARS = 200_000;
const Part = z.object({ build: z.string(), data: z.string() });

export interface PartsRef {
  build: string;
  parts: number;
}

/** Writes `json` gzipped in parts under the value limit, all tagged with one new build id; returns it. */
export async function writeParts(
  kvs: KeyValueStore,
  keyOf: (build: string, i: number) => string,
  json: string,
): Promise<PartsRef> {
  const data = gzipSync(json).toString('base64');
  const build = randomUUID().slice(0, 12);
  const chunks: string[] = [];
  for (let i = 0; i < data.length || i === 0; i += PART_CHARS) chunks.push(data.slice(i, i + PART_CHARS));
  const writes = await Promise.allSettled(chunks.map((c, i) => kvs.set(keyOf(build, i), { build, data: c })));
  const failed = writes.find((w) => w.status === 'rejected');
  if (failed) {
    // Nothing names this build yet: remove what may have landed (a lost answer), so no orphan stays in storage.
    await Promise.all(chunks.map((_, i) => kvs.delete(keyOf(build, i)).catch(() => undefined)));
    throw failed.reason;
  }
  return { build, parts: chunks.length };
}

/** The JSON written by writeParts, or null when a part is missing, of another build (torn) or unreadable. */
export async function readParts(
  kvs: KeyValueStore,
  keyOf: (i: number) => string,
  ref: PartsRef,
): Promise<string | null> {
  const parts = await Promise.all(
    Array.from({ length: ref.parts }, async (_, i) => Part.safeParse(await kvs.get(keyOf(i)))),
  );
  const data: string[] = [];
  for (const p of parts) {
    if (!p.success || p.data.build !== ref.build) return null;
    data.push(p.data.data);
  }
  try {
    return gunzipSync(Buffer.from(data.join(''), 'base64')).toString();
  } catch {
    return null;
  }
}
