import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  actionFigures,
  reportWindow,
  resolvedOnTime,
  ticketState,
  type TicketFacts,
} from '../../src/domain/report-definitions';
import { addDays, localDate, startOfDay } from '../../src/domain/zone';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const BERLIN = 'Europe/Berlin';
const t = (key: string, patch: Partial<TicketFacts> = {}): TicketFacts => ({
  key,
  incident: 'OPS-1',
  priority: 'P2',
  created: Date.parse('2026-11-20T10:00:00Z'),
  done: false,
  resolution: null,
  resolved: null,
  due: null,
  flag: null,
  outcomeDropped: false,
  ...patch,
});

describe('time zones', () => {
  it('cuts days at midnight in the zone, across DST changes and leap days', () => {
    assert.equal(new Date(startOfDay('2026-03-29', BERLIN)).toISOString(), '2026-03-28T23:00:00.000Z');
    assert.equal(new Date(startOfDay('2026-03-30', BERLIN)).toISOString(), '2026-03-29T22:00:00.000Z');
    assert.equal(new Date(startOfDay('2026-11-27', 'America/Los_Angeles')).toISOString(), '2026-11-27T08:00:00.000Z');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2028-03-01', -1), '2028-02-29');
    assert.equal(localDate(Date.parse('2028-02-29T23:30:00Z'), BERLIN), '2028-03-01');
  });
  it('a window is N calendar days, today included, starting at midnight in the site zone', () => {
    const w = reportWindow(NOW, 30, BERLIN);
    assert.equal(w.today, '2026-11-26');
    assert.equal(w.from, '2026-10-28');
    assert.equal(new Date(w.start).toISOString(), '2026-10-27T23:00:00.000Z');
  });
});

describe('what counts as done, dropped, overdue and on time', () => {
  it('splits tickets into exactly one state each', () => {
    const today = '2026-11-26';
    assert.equal(ticketState(t('A', { done: true, resolution: 'Done' }), today), 'done');
    assert.equal(ticketState(t('A', { done: true, resolution: null }), today), 'done');
    assert.equal(ticketState(t('A', { done: true, resolution: "Won't Do" }), today), 'dropped');
    assert.equal(ticketState(t('A', { outcomeDropped: true, due: '2026-01-01' }), today), 'dropped');
    assert.equal(ticketState(t('A', { due: '2026-11-25' }), today), 'overdue');
    assert.equal(ticketState(t('A', { due: '2026-11-26' }), today), 'openNotDue', 'due today is not overdue yet');
    assert.equal(ticketState(t('A'), today), 'noDueDate');
  });
  it('judges a ticket resolved late in the evening by the site zone, not UTC', () => {
    const lateEvening = { resolved: Date.parse('2026-11-26T23:30:00Z'), due: '2026-11-26' };
    assert.equal(resolvedOnTime(lateEvening, 'UTC'), true);
    assert.equal(resolvedOnTime(lateEvening, BERLIN), false, 'already 27 Nov in Berlin');
    assert.equal(resolvedOnTime({ resolved: Date.parse('2028-02-29T22:59:00Z'), due: '2028-02-29' }, BERLIN), true);
    assert.equal(resolvedOnTime({ resolved: null, due: '2026-11-26' }, BERLIN), null);
    assert.equal(resolvedOnTime({ resolved: NOW, due: null }, BERLIN), true, 'no due date cannot be late');
  });
  it('completion counts done of all; on time counts done on time of done plus overdue; stale job records are corrected', () => {
    const w = reportWindow(NOW, 30, BERLIN);
    const resolved = Date.parse('2026-11-22T10:00:00Z');
    const xs = [
      t('A-1', { done: true, resolved, due: '2026-11-23', flag: 1 }),
      t('A-2', { done: true, resolved, due: '2026-11-23' }), // job has not run yet: on time, not late
      t('A-3', { done: true, resolved, due: '2026-11-21', flag: 1 }), // reopened and resolved late since
      t('A-4', { done: true, resolved: null, due: '2026-11-30', flag: null }), // done without a resolution date
      t('A-5', { done: true, resolution: "Won't Do", resolved }),
      t('A-6', { due: '2026-11-01' }),
      t('A-7', { due: '2026-12-01' }),
      t('A-8'),
      t('A-9', { created: Date.parse('2026-10-27T22:59:00Z'), done: true, resolved }), // before the window
    ];
    const a = actionFigures(xs, w);
    assert.deepEqual(a.all, ['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7', 'A-8']);
    assert.deepEqual(a.done, ['A-1', 'A-2', 'A-3', 'A-4']);
    assert.deepEqual(a.dropped, ['A-5']);
    assert.deepEqual(a.overdue, ['A-6']);
    assert.deepEqual(a.openNotDue, ['A-7']);
    assert.deepEqual(a.noDueDate, ['A-8']);
    assert.deepEqual(a.onTime, ['A-1', 'A-2']);
    assert.deepEqual(a.onTimeBase, ['A-1', 'A-2', 'A-3', 'A-4', 'A-6']);
    assert.deepEqual(a.unjudged, ['A-4']);
    assert.deepEqual(a.flagMissingOnTime, ['A-2']);
    assert.deepEqual(a.flagWrongOnTime, ['A-3']);
  });
});
