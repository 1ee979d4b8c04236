import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { rankSimilar, tokens } from '../../src/domain/similarity';

const root = path.join(__dirname, '..', '..');
const fixture = path.join(root, 'test', 'fixtures', 'similar-incidents.json');
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
const incidents = Labelled.parse(JSON.parse(fs.readFileSync(fixture, 'utf8')));

describe('similar incidents (BM25)', () => {
  it('ranks the true earlier incident first for at least 80% of the labelled repeats', () => {
    const repeats = incidents.filter((i) => i.repeatOf);
    assert.ok(incidents.length >= 40 && repeats.length >= 15);
    const hits = repeats.filter((i) => rankSimilar(i, incidents)[0]?.key === i.repeatOf).length;
    assert.ok(hits / repeats.length >= 0.8, `${hits}/${repeats.length}`);
  });
  it('finds a repeat by its words even when category and service were filed differently', () => {
    const target = {
      ...incidents.find((i) => i.key === 'INC-11')!,
      category: 'Capacity / saturation',
      service: 'checkout',
    };
    assert.equal(rankSimilar(target, incidents)[0]?.key, 'INC-2');
  });
  it('ranks only incidents created earlier', () => {
    const first = incidents[0]!;
    assert.deepEqual(rankSimilar(first, incidents), []);
    const later = rankSimilar(incidents[20]!, incidents).map((c) => c.key);
    assert.ok(later.every((k) => Number(k.split('-')[1]) < 21));
  });
  it('stems and drops stop words', () => {
    assert.deepEqual(tokens('The clients retried the retries'), ['client', 'retry', 'retry']);
  });
});

describe('npm run similar', () => {
  it('prints each incident with its ranked earlier candidates', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'dev', 'similar', 'cli.ts'), fixture],
      { encoding: 'utf8' },
    );
    const parsed = z
      .array(z.object({ key: z.string(), candidates: z.array(z.object({ key: z.string(), score: z.number() })) }))
      .parse(JSON.parse(out));
    assert.equal(parsed.length, incidents.length);
    assert.equal(parsed.find((r) => r.key === 'INC-9')?.candidates[0]?.key, 'INC-1');
  });
  it('explains bad input and exits non-zero', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'similar-')), 'bad.json');
    fs.writeFileSync(bad, JSON.stringify([{ key: 'X-1', created: 'yesterday' }]));
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'dev', 'similar', 'cli.ts'), bad], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\[0\.created\] must be a date/);
    assert.match(r.stderr, /\[0\.rootCause\]/);
  });
});
