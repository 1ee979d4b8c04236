import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryKvs } from '../../dev/kvs/memory-kvs';
import {
  decodeLedger,
  encodeLedger,
  ledgerKeys,
  readLedger,
  writeLedger,
  type Ledger,
} from '../../src/services/follow-up-ledger';

/**
 * The follow-up ledger's storage form: every record comes back as it went in, in parts, and a torn one reads as
 * missing.
 */
function sample(n: number): Ledger {
  const l: Ledger = { tickets: new Map(), incidents: new Map() };
  for (let i = 0; i < n; i++) {
    const id = 10_000 + i * 3;
    const kind = i % 4;
    l.tickets.set(id, {
      id,
      incident: kind === 3 ? null : `OPS-${i % 997}`,
      done: kind !== 0,
      resolved: kind === 1 ? 1_700_000_000_123 + i * 61_001 : null,
    });
  }
  for (let i = 0; i < n / 3; i++)
    l.incidents.set(`OPS-${i}`, {
      id: 5_000 + i,
      key: `OPS-${i}`,
      repeatOf: i % 5 === 0 ? null : `OPS-${(i * 7) % 1000}`,
      repeatWhileOpen: i % 2 === 0 && i % 5 !== 0 ? 1 : 0,
    });
  return l;
}

describe('follow-up ledger storage', () => {
  it('decodes exactly what was encoded: open, done, done without a date, no incident, repeats while open', () => {
    const l = sample(2_000);
    const back = decodeLedger(encodeLedger(l));
    assert.ok(back);
    assert.deepEqual(
      [...back.tickets.values()].sort((a, b) => a.id - b.id),
      [...l.tickets.values()],
    );
    assert.deepEqual(
      [...back.incidents.values()].sort((a, b) => a.id - b.id),
      [...l.incidents.values()].sort((a, b) => a.id - b.id),
    );
  });

  it('a large ledger is stored in parts under the value limit; a torn part reads as missing', async () => {
    const kvs = new MemoryKvs();
    const l = sample(200_000);
    const stamp = { syncedAt: 1, fullAt: 1, mismatches: 0 };
    const meta = await writeLedger(kvs, 'OPS', l, stamp, null);
    assert.ok(meta.parts > 1, `${meta.parts} parts`);
    for (let i = 0; i < meta.parts; i++) {
      const part = await kvs.get(ledgerKeys.part('OPS', meta.build, i));
      assert.ok(JSON.stringify(part).length < 240 * 1024);
    }
    const back = await readLedger(kvs, 'OPS', meta);
    assert.equal(back?.tickets.size, l.tickets.size);
    // A part lost or overwritten: the ledger reads as missing, never as part of itself.
    await kvs.set(ledgerKeys.part('OPS', meta.build, 0), { build: 'other', data: '' });
    assert.equal(await readLedger(kvs, 'OPS', meta), null);
  });
});
