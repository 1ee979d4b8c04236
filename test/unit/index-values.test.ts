import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROPERTY_LIMIT_BYTES, storedSizeBytes, toStored } from '../../src/domain/index-values';
import { StoredPostMortemSchema, emptyPostMortem } from '../../src/shared/postmortem';

const meta = { version: 3, updatedAt: '2026-03-02T10:00Z', updatedBy: 'acc-bob', repeatWhileOpen: true };

describe('stored post-mortem (indexed values)', () => {
  it('flattens the values the manifest indexes, and leaves absent ones out so IS EMPTY works', () => {
    const doc = emptyPostMortem();
    doc.status = 'published';
    doc.service = 'checkout';
    doc.category = 'Capacity / saturation';
    doc.repeatOf = 'OPS-12';
    doc.timeline.alertAt = '2026-03-01T14:00Z';
    doc.timeline.acknowledgedAt = '2026-03-01T14:09Z';
    doc.impact.revenue = { amount: 1200, currency: 'EUR' };
    const s = toStored(doc, meta);
    assert.equal(s.status, 'published');
    assert.equal(s.repeatOf, 'OPS-12');
    assert.equal(s.repeatWhileOpen, 1);
    assert.equal(s.ttaMinutes, 9);
    assert.equal(s.revenueImpact, 1200);
    assert.equal('ttrMinutes' in s, false);
    assert.equal('usersAffected' in s, false);
    assert.ok(StoredPostMortemSchema.safeParse(s).success);
  });
  it('uses the duration override over the timeline', () => {
    const doc = emptyPostMortem();
    doc.timeline.alertAt = '2026-03-01T14:00Z';
    doc.timeline.recoveredAt = '2026-03-01T15:00Z';
    assert.equal(toStored(doc, meta).durationMinutes, 60);
    doc.impact.durationMinutesOverride = 45;
    assert.equal(toStored(doc, meta).durationMinutes, 45);
  });
  it('measures the size Jira limits', () => {
    const doc = emptyPostMortem();
    assert.ok(storedSizeBytes(toStored(doc, meta)) < PROPERTY_LIMIT_BYTES);
    doc.lessons = 'x'.repeat(4000);
    doc.wentWell = Array.from({ length: 20 }, () => 'y'.repeat(500));
    doc.wentWrong = Array.from({ length: 20 }, () => 'z'.repeat(500));
    assert.ok(storedSizeBytes(toStored(doc, meta)) > 20_000);
  });
  it('refuses a fourth action item (Rule 1) in the schema', () => {
    const doc = emptyPostMortem();
    doc.actionItems = [1, 2, 3, 4].map((n) => ({
      id: `a${n}`,
      action: `Action ${n}`,
      ownerAccountId: null,
      priority: 'P2' as const,
      dueDate: null,
      ticketKey: null,
    }));
    const r = StoredPostMortemSchema.safeParse(toStored(doc, meta));
    assert.equal(r.success, false);
    assert.match(JSON.stringify(r.error?.issues), /at most 3 action items/);
  });
});
