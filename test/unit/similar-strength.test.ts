import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { explainSimilar } from '../../src/domain/similarity';

const Labelled = z.array(
  z.object({
    key: z.string(),
    created: z.string(),
    service: z.string(),
    category: z.string(),
    rootCause: z.string(),
    contributingFactors: z.array(z.string()),
    repeatOf: z.string().optional(),
  }),
);
const incidents = Labelled.parse(
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'similar-incidents.json'), 'utf8')),
);

describe('similar incidents in plain words', () => {
  const explained = incidents.map((i) => ({ i, found: explainSimilar(i, incidents) }));
  it('calls "strong" only the true earlier incident of a labelled repeat', () => {
    const strong = explained.flatMap(({ i, found }) =>
      found.filter((c) => c.strength === 'strong').map((c) => ({ c, i })),
    );
    assert.ok(strong.length >= 15);
    for (const { c, i } of strong) assert.equal(c.key, i.repeatOf, `${i.key}: ${c.key} called strong`);
  });
  it('calls most true repeats "strong"', () => {
    const repeats = explained.filter(({ i }) => i.repeatOf);
    const strong = repeats.filter(({ i, found }) => found.some((c) => c.key === i.repeatOf && c.strength === 'strong'));
    assert.ok(strong.length / repeats.length >= 0.9, `${strong.length}/${repeats.length}`);
  });
  it('names shared words as written in both texts, not stems', () => {
    const { i, found } = explained.find((e) => e.i.key === 'INC-19') ?? assert.fail('INC-19 missing');
    const c = found[0];
    assert.equal(c?.key, 'INC-7');
    const earlier = incidents.find((x) => x.key === 'INC-7');
    const words = (t: string) => new Set(t.toLowerCase().split(/[^a-z0-9]+/));
    const inEarlier = words(`${earlier?.rootCause} ${earlier?.contributingFactors.join(' ')}`);
    assert.ok((c?.sharedWords.length ?? 0) >= 3);
    for (const w of c?.sharedWords ?? []) assert.ok(inEarlier.has(w), `${w} is not a word of INC-7`);
    assert.ok(c?.sharedWords.includes('backoff'), c?.sharedWords.join(','));
    assert.ok(words(`${i.rootCause} ${i.contributingFactors.join(' ')}`).has('backoff'));
  });
  it('leaves out weak look-alikes and incidents that came later', () => {
    const first = explained.find((e) => e.i.key === 'INC-1');
    assert.deepEqual(first?.found, []);
  });
});
