import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryKvs } from '../../dev/kvs/memory-kvs';

describe('local KVS stand-in', () => {
  it('lets exactly one of 20 concurrent setIfAbsent calls take a key (FAIL_IF_EXISTS)', async () => {
    const kvs = new MemoryKvs();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => kvs.setIfAbsent('slot', { by: i })));
    assert.equal(results.filter(Boolean).length, 1);
    const winner = results.indexOf(true);
    assert.deepEqual(await kvs.get('slot'), { by: winner });
  });
  it('copies values in and out, as a real store serialises them', async () => {
    const kvs = new MemoryKvs();
    const v = { a: [1] };
    await kvs.set('k', v);
    v.a.push(2);
    assert.deepEqual(await kvs.get('k'), { a: [1] });
  });
  it('enforces the key and value limits of @forge/kvs', async () => {
    const kvs = new MemoryKvs();
    await assert.rejects(kvs.set('x'.repeat(501), 1), /1-500 characters/);
    await assert.rejects(kvs.set('big', 'x'.repeat(250 * 1024)), /240 KiB/);
  });
});
