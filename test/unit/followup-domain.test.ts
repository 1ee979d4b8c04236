import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstWorkColumn } from '../../src/domain/board-columns';
import { defaultDueDate, describeDueTarget } from '../../src/domain/due-dates';
import { nextReminderOn, overduePeriod, reminderMarker } from '../../src/domain/reminders';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const targets = { dueTargets: { P1: 15, P2: 30, P3: 'sprint' as const }, kanbanDays: 60 };

describe('due dates from priority', () => {
  it('counts days from today for day targets, on scrum and Kanban alike', () => {
    assert.equal(defaultDueDate('P1', targets, { kind: 'sprint', sprintEnd: '2026-12-09' }, NOW), '2026-12-11');
    assert.equal(defaultDueDate('P2', targets, { kind: 'kanban' }, NOW), '2026-12-26');
  });
  it('"sprint" is the end of the next sprint, or the Kanban target on a board without sprints', () => {
    assert.equal(defaultDueDate('P3', targets, { kind: 'sprint', sprintEnd: '2026-12-09' }, NOW), '2026-12-09');
    assert.equal(defaultDueDate('P3', targets, { kind: 'kanban' }, NOW), '2027-01-25');
  });
  it('describes each target in words', () => {
    assert.equal(describeDueTarget(15, false, 60), '15 days after the ticket is created');
    assert.equal(describeDueTarget('sprint', false, 60), 'the end of the next sprint');
    assert.equal(describeDueTarget('sprint', true, 45), '45 days (Kanban: no sprints)');
  });
});

describe('the first column after the backlog', () => {
  it('skips a Kanban backlog column and columns without statuses', () => {
    const cols = [
      { name: 'Backlog', statusIds: ['1'] },
      { name: 'Empty', statusIds: [] },
      { name: 'Selected for Development', statusIds: ['4'] },
      { name: 'Done', statusIds: ['3'] },
    ];
    assert.equal(firstWorkColumn(cols)?.name, 'Selected for Development');
  });
  it('takes the first column when there is no backlog column, and null when nothing is mapped', () => {
    assert.equal(firstWorkColumn([{ name: 'To Do', statusIds: ['1'] }])?.name, 'To Do');
    assert.equal(firstWorkColumn([{ name: 'Backlog', statusIds: [] }]), null);
  });
});

describe('overdue periods', () => {
  it('is not overdue on the due date itself', () => {
    assert.equal(overduePeriod('2026-11-20', '2026-11-20', 'weekly'), null);
  });
  it('weekly: one period per seven days from the first overdue day', () => {
    assert.equal(overduePeriod('2026-11-20', '2026-11-21', 'weekly'), '2026-11-20-w1');
    assert.equal(overduePeriod('2026-11-20', '2026-11-27', 'weekly'), '2026-11-20-w1');
    assert.equal(overduePeriod('2026-11-20', '2026-11-28', 'weekly'), '2026-11-20-w2');
  });
  it('once: the same periods (the ticket records the one reminder); off: none', () => {
    assert.equal(overduePeriod('2026-11-20', '2026-12-30', 'once'), '2026-11-20-w6');
    assert.equal(overduePeriod('2026-11-20', '2026-12-30', 'off'), null);
  });
  it('the next reminder day is the start of the next period', () => {
    assert.equal(nextReminderOn('2026-11-20', '2026-11-21'), '2026-11-28');
    assert.equal(nextReminderOn('2026-11-20', '2026-11-27'), '2026-11-28');
    assert.equal(nextReminderOn('2026-11-20', '2026-11-28'), '2026-12-05');
  });
  it('the marker names ticket and period', () => {
    assert.equal(reminderMarker('OPS-9', '2026-11-20-w2'), '[post-mortem reminder OPS-9 2026-11-20-w2]');
  });
});
