import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastMonths } from '../../src/domain/zone';
import {
  median,
  monthlyTrend,
  recurringIdeas,
  recurringThemes,
  repeatChains,
  type IncidentFacts,
} from '../../src/domain/report-math';
import { toIndex, toStored } from '../../src/domain/index-values';
import { emptyPostMortem } from '../../src/shared/postmortem';

const NOW = Date.parse('2026-11-26T12:00:00Z');
function incident(
  key: string,
  created: string,
  patch: { repeatOf?: string; status?: 'draft' | 'published'; factors?: string; ideas?: string[]; tta?: number } = {},
): IncidentFacts {
  const doc = emptyPostMortem();
  doc.status = patch.status ?? 'published';
  doc.repeatOf = patch.repeatOf ?? null;
  doc.contributingFactors.possible = patch.factors ?? '';
  doc.parkingLot = (patch.ideas ?? []).map((idea, i) => ({ id: `p${i}`, idea }));
  if (patch.tta !== undefined) {
    doc.timeline.alertAt = '2026-01-01T00:00Z';
    doc.timeline.acknowledgedAt =
      new Date(Date.parse('2026-01-01T00:00Z') + patch.tta * 60_000).toISOString().slice(0, 16) + 'Z';
  }
  return {
    key,
    created: Date.parse(created),
    index: toIndex(
      toStored(doc, { version: 1, updatedAt: '2026-01-01T00:00Z', updatedBy: 'x', repeatWhileOpen: false }),
    ),
  };
}

describe('report maths', () => {
  it('lists the last twelve months, oldest first', () => {
    const m = lastMonths(NOW, 'UTC');
    assert.equal(m.length, 12);
    assert.equal(m[0], '2025-12');
    assert.equal(m[11], '2026-11');
  });
  it('cuts months in the site zone: 23:30 UTC on 30 Nov is already December in Berlin', () => {
    const late = Date.parse('2026-11-30T23:30:00Z');
    assert.equal(lastMonths(late, 'Europe/Berlin')[11], '2026-12');
    assert.equal(lastMonths(late, 'UTC')[11], '2026-11');
    const t = monthlyTrend([incident('A-1', '2026-11-30T23:30Z')], late, 'Europe/Berlin');
    assert.equal(t[11]?.month, '2026-12');
    assert.equal(t[11]?.published, 1);
  });
  it('computes the monthly repeat rate from published post-mortems only, with no rate for empty months', () => {
    const t = monthlyTrend(
      [
        incident('A-1', '2026-11-02T00:00Z'),
        incident('A-2', '2026-11-03T00:00Z', { repeatOf: 'A-1' }),
        incident('A-3', '2026-11-04T00:00Z', { status: 'draft', repeatOf: 'A-1' }),
        incident('A-4', '2026-10-04T00:00Z', { tta: 7 }),
        incident('A-5', '2026-10-05T00:00Z', { tta: 12 }),
      ],
      NOW,
      'UTC',
    );
    assert.deepEqual(t[11], {
      month: '2026-11',
      published: 2,
      repeats: 1,
      rate: 0.5,
      ttaMedian: null,
      ttrMedian: null,
    });
    assert.equal(t[10]?.ttaMedian, 9.5);
    assert.equal(t[0]?.rate, null);
  });
  it('follows repeat chains from their first incident', () => {
    const chains = repeatChains([
      incident('A-12', '2026-01-01T00:00Z'),
      incident('A-40', '2026-03-01T00:00Z', { repeatOf: 'A-12' }),
      incident('A-77', '2026-06-01T00:00Z', { repeatOf: 'A-40' }),
      incident('A-80', '2026-07-01T00:00Z', { repeatOf: 'A-5' }),
    ]);
    assert.deepEqual(chains, [
      ['A-12', 'A-40', 'A-77'],
      ['A-5', 'A-80'],
    ]);
  });
  it('ignores a repeat link to a later incident, so chains run forward in time and cannot loop', () => {
    const chains = repeatChains([
      incident('A-1', '2026-01-01T00:00Z', { repeatOf: 'A-2' }),
      incident('A-2', '2026-02-01T00:00Z', { repeatOf: 'A-1' }),
      incident('A-3', '2026-03-01T00:00Z', { repeatOf: 'A-2' }),
    ]);
    assert.deepEqual(chains, [['A-1', 'A-2', 'A-3']]);
  });
  it('counts recurring themes and parking-lot ideas once per post-mortem', () => {
    const xs = [
      incident('A-1', '2026-11-01T00:00Z', {
        factors: 'No canary stage for config changes. Missing retries required manual approval',
        ideas: ['Chaos testing!', 'Überwachung der Queues'],
      }),
      incident('A-2', '2026-11-02T00:00Z', {
        factors: 'The canary stages were skipped; config change shipped directly',
        ideas: ['chaos  testing', 'überwachung der queues'],
      }),
      incident('A-3', '2026-11-03T00:00Z', { factors: 'Alert fired late; missing retries again' }),
    ];
    // Phrases in the words people wrote (not stems such as "requir"), matched across plural forms.
    assert.deepEqual(recurringThemes(xs), [
      { phrase: 'canary stage', count: 2 },
      { phrase: 'config change', count: 2 },
      { phrase: 'missing retries', count: 2 },
    ]);
    assert.deepEqual(recurringIdeas(xs), [
      { idea: 'chaos testing', count: 2 },
      { idea: 'überwachung der queues', count: 2 },
    ]);
  });
  it('takes medians', () => {
    assert.equal(median([]), null);
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([1, 2, 3, 4]), 2.5);
  });
});
