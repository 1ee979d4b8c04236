import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActionItemSchema, PostMortemSchema, emptyPostMortem } from '../../src/shared/postmortem';

describe('strict dates and times in the shared schema', () => {
  const withAlert = (alertAt: string) => {
    const doc = emptyPostMortem();
    doc.timeline.alertAt = alertAt;
    return PostMortemSchema.safeParse(doc).success;
  };
  const withDue = (dueDate: string) =>
    ActionItemSchema.safeParse({
      id: 'a1',
      action: 'x',
      ownerAccountId: null,
      priority: 'P1',
      dueDate,
      ticketKey: null,
    }).success;

  it('refuses days and months that do not exist', () => {
    for (const d of ['2026-13-01', '2026-11-31', '2026-02-29', '2026-00-10', '2026-04-00', '2026-4-1'])
      assert.equal(withDue(d), false, d);
    for (const d of ['2024-02-29', '2026-12-31', '2000-02-29']) assert.equal(withDue(d), true, d);
    assert.equal(withDue('1900-02-29'), false, 'not a leap year');
  });

  it('refuses hours and minutes out of range instead of rolling them over', () => {
    for (const t of [
      '2026-11-20T25:61Z',
      '2026-11-20T24:00Z',
      '2026-11-20T23:60Z',
      '2026-11-20T10:00:60Z',
      '2026-11-31T10:00Z',
    ])
      assert.equal(withAlert(t), false, t);
    for (const t of ['2026-11-20T23:59Z', '2026-11-20T00:00:59.999Z', '2024-02-29T12:00Z'])
      assert.equal(withAlert(t), true, t);
  });

  it('refuses duplicate action item ids (tickets are matched to items by id)', () => {
    const doc = emptyPostMortem();
    const item = {
      id: 'a1',
      action: 'x',
      ownerAccountId: null,
      priority: 'P1' as const,
      dueDate: null,
      ticketKey: null,
    };
    doc.actionItems = [item, { ...item, action: 'y' }];
    assert.equal(PostMortemSchema.safeParse(doc).success, false);
    doc.actionItems = [item, { ...item, id: 'a2' }];
    assert.equal(PostMortemSchema.safeParse(doc).success, true);
  });
});
