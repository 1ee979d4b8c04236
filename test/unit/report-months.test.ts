import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { andBefore, createdAround, planMonths, splitRange } from '../../src/domain/report-months';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const DAY = 86_400_000;

describe('report months: which parts a view reads live and which it may keep', () => {
  it('keeps the whole months between the window start (plus two days) and the current month', () => {
    const plan = planMonths(NOW, 365);
    assert.equal(new Date(plan.firstBoundary).toISOString(), '2025-12-01T00:00:00.000Z');
    assert.equal(new Date(plan.currentStart).toISOString(), '2026-11-01T00:00:00.000Z');
    assert.deepEqual(
      plan.months.map((m) => m.label),
      [
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
      ],
    );
    // A window starting two days before a month boundary leaves that month live: its first days are near the edge.
    assert.equal(
      new Date(planMonths(Date.parse('2026-11-29T12:00:00Z'), 365).firstBoundary).toISOString(),
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('asks Jira for a little more than a range, in minutes relative to now (no time zone involved)', () => {
    assert.equal(createdAround(NOW, NOW - DAY, NOW - 3_600_000), 'created >= -1500m');
    assert.equal(createdAround(NOW, NOW - 2 * DAY, NOW - DAY), 'created >= -2940m AND created < -1380m');
    assert.equal(createdAround(NOW, -Infinity, NOW - DAY), 'created < -1380m');
  });

  it('splits a range into parts of about a page each, never more than ten', () => {
    assert.deepEqual(splitRange(0, 10 * DAY, 30), [
      [0, 5 * DAY],
      [5 * DAY, 10 * DAY],
    ]);
    assert.equal(splitRange(0, 30 * DAY, 600).length, 10);
    assert.deepEqual(splitRange(0, DAY, 0), [[0, DAY]]);
    assert.deepEqual(splitRange(DAY, DAY, 10), []);
  });

  it('adds a restriction before ORDER BY', () => {
    assert.equal(
      andBefore('project = X ORDER BY created ASC', 'created >= -5m'),
      'project = X AND created >= -5m ORDER BY created ASC',
    );
    assert.equal(andBefore('project = X', 'created >= -5m'), 'project = X AND created >= -5m');
  });
});
