import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PanelData, ReviewItem, TicketView } from '../../src/shared/contract';
import { emptyPostMortem, type PostMortem } from '../../src/shared/postmortem';

// @forge/bridge looks for its host at import; nothing is invoked while rendering, so a host that refuses will do.
Object.assign(globalThis, {
  __bridge: { callBridge: () => Promise.reject(new Error('no bridge in a server render')) },
});
// Atlaskit's CommonJS builds import their compiled CSS; Node has nothing to do with it.
require.extensions['.css'] = (m) => {
  m.exports = {};
};

type Ui = {
  PanelStateProvider: typeof import('../../static/panel/src/state/PanelState').PanelStateProvider;
  ReadView: typeof import('../../static/panel/src/ReadView').ReadView;
  ReviewSection: typeof import('../../static/panel/src/sections/ReviewSection').ReviewSection;
  ActionsSection: typeof import('../../static/panel/src/sections/ActionsSection').ActionsSection;
  RootCauseSection: typeof import('../../static/panel/src/sections/RootCauseSection').RootCauseSection;
  LearningSection: typeof import('../../static/panel/src/sections/LearningSection').LearningSection;
};
let ui: Ui;
before(async () => {
  ui = {
    ...(await import('../../static/panel/src/state/PanelState')),
    ...(await import('../../static/panel/src/ReadView')),
    ...(await import('../../static/panel/src/sections/ReviewSection')),
    ...(await import('../../static/panel/src/sections/ActionsSection')),
    ...(await import('../../static/panel/src/sections/RootCauseSection')),
    ...(await import('../../static/panel/src/sections/LearningSection')),
  };
});

const ticket = (key: string, over: Partial<TicketView> = {}): TicketView => ({
  key,
  summary: `Fix ${key}`,
  status: 'In Progress',
  statusCategory: 'indeterminate',
  assignee: { accountId: 'acc-bob', displayName: 'Bob Okafor' },
  dueDate: '2026-10-01',
  resolved: null,
  priority: 'High',
  incident: 'OPS-1',
  slot: 0,
  overdue: true,
  inSprint: true,
  ...over,
});
const item = (key: string): ReviewItem => ({ ...ticket(key), outcome: null });

function doc(status: PostMortem['status']): PostMortem {
  const d = emptyPostMortem();
  d.status = status;
  d.title = { service: 'search', symptom: 'timeouts under peak load', date: '2026-11-15' };
  d.rootCause = 'The cache was full. Every request went to the database.';
  d.contributingFactors = { possible: 'Sized two years ago', detection: 'Hit ratio not monitored', resolution: '' };
  d.wentWell = ['Rollback worked first time'];
  d.wentWrong = ['The alert fired late', 'The runbook was out of date'];
  d.lessons = 'A full cache is no cache.';
  d.actionItems = [
    {
      id: 'a1',
      action: 'Resize the cache',
      ownerAccountId: 'acc-bob',
      priority: 'P1',
      dueDate: '2026-12-01',
      ticketKey: 'OPS-9',
    },
    { id: 'a2', action: 'Alert on hit ratio', ownerAccountId: null, priority: 'P2', dueDate: null, ticketKey: null },
  ];
  return d;
}

function data(status: PostMortem['status'], review: { open: number; overdue: number; items: ReviewItem[] }): PanelData {
  const d = doc(status);
  return {
    issue: {
      key: 'OPS-20',
      id: '10020',
      summary: 'Search down',
      issueType: 'Incident',
      status: 'Done',
      statusCategory: 'done',
      created: '2026-11-15T10:00:00.000+0000',
      projectKey: 'OPS',
    },
    isIncident: true,
    postmortem: {
      version: 2,
      updatedAt: '2026-11-16T10:00Z',
      updatedBy: 'acc-bob',
      status,
      service: 'search',
      category: 'Capacity / saturation',
      repeatWhileOpen: 0,
      actionCount: 2,
      parkingLotCount: 0,
      doc: d,
    },
    postmortemProblem: null,
    indexStale: false,
    tickets: [ticket('OPS-9', { status: 'Done', statusCategory: 'done', overdue: false, incident: 'OPS-20' })],
    review: {
      counts: { open: review.open, overdue: review.overdue },
      lastReviewAt: '2026-11-20T00:00:00.000Z',
      pageSize: 10,
      first: { items: review.items, nextPageToken: null },
      slipped: [],
    },
    history: { created: '2026-11-15T10:00:00.000+0000', statusChanges: [] },
    users: [{ accountId: 'acc-bob', displayName: 'Bob Okafor' }],
    categories: ['Capacity / saturation'],
  };
}

function render(d: PanelData, child: ReactNode): string {
  return renderToStaticMarkup(
    createElement(ui.PanelStateProvider, {
      data: d,
      reload: () => Promise.resolve(),
      flash: [null, () => undefined],
      children: child,
    }),
  );
}
const attrs = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) =>
    (m[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, '&'),
  );
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('panel sections (rendered with react-dom/server)', () => {
  it("lays a published post-mortem out like the article's template, with live ticket status", () => {
    const html = render(data('published', { open: 0, overdue: 0, items: [] }), createElement(ui.ReadView));
    const headings = [...html.matchAll(/<h3[^>]*>([^<]+)<\/h3>/g)].map((m) => m[1]);
    assert.deepEqual(headings, [
      'Impact',
      'Timeline (UTC)',
      'Root cause',
      'Contributing factors',
      'What went well',
      'What went wrong',
      'Action items',
      'Lessons learned',
    ]);
    const t = text(html);
    assert.match(t, /The cache was full\. Every request went to the database\./);
    assert.match(t, /OPS-9 Done/);
    assert.match(t, /What made resolution slow: not recorded/);
    assert.doesNotMatch(html, /<textarea|<input/);
  });

  it('folds the review of a published post-mortem into one line', () => {
    const html = render(
      data('published', { open: 12, overdue: 5, items: [item('OPS-3'), item('OPS-4')] }),
      createElement(ui.ReviewSection),
    );
    assert.match(text(html), /12 open from earlier incidents, 5 overdue\./);
    assert.doesNotMatch(html, /<table/);
    assert.deepEqual(attrs(html, 'aria-expanded'), ['false']);
  });

  it('opens the review of a draft as a paged table whose buttons name their item', () => {
    const items = Array.from({ length: 10 }, (_, i) => item(`OPS-${100 + i}`));
    const html = render(data('draft', { open: 23, overdue: 0, items }), createElement(ui.ReviewSection));
    assert.match(text(html), /23 open from earlier incidents, none overdue\./);
    assert.equal((html.match(/data-testid="review-item"/g) ?? []).length, 10);
    const labels = attrs(html, 'aria-label');
    assert.ok(labels.includes('Record outcome for OPS-100') && labels.includes('Record outcome for OPS-109'));
    assert.ok(labels.includes('Review page 3'), 'three pages of ten for 23 items');
    assert.equal(new Set(labels).size, labels.length, 'no two labels alike');
  });

  it('names each Remove button after what it removes', () => {
    const d = data('draft', { open: 0, overdue: 0, items: [] });
    const html = render(d, [
      createElement(ui.ActionsSection, { key: 'a' }),
      createElement(ui.LearningSection, { key: 'l' }),
    ]);
    const removes = attrs(html, 'aria-label').filter((l) => l?.startsWith('Remove'));
    assert.deepEqual(removes, [
      'Remove action 1 "Resize the cache"',
      'Remove action 2 "Alert on hit ratio"',
      'Remove "What went well" 1: Rollback worked first time',
      'Remove "What went wrong" 1: The alert fired late',
      'Remove "What went wrong" 2: The runbook was out of date',
    ]);
  });

  it('shows a long root cause as a warning linked to the field, not as an error', () => {
    const d = data('draft', { open: 0, overdue: 0, items: [] });
    const pm = d.postmortem ?? assert.fail();
    pm.doc.rootCause = 'One. Two. Three. Four. Five.';
    const html = render(d, createElement(ui.RootCauseSection));
    const textarea = /<textarea[^>]*id="root-cause"[^>]*>/.exec(html)?.[0] ?? assert.fail('no root-cause field');
    assert.match(textarea, /aria-describedby="root-cause-hint root-cause-msg"/);
    assert.doesNotMatch(textarea, /aria-invalid/);
    const msg =
      /<div id="root-cause-msg"[^>]*>([^<]*(?:<[^>]+>[^<]*)*?)<\/div>/.exec(html)?.[0] ?? assert.fail('no message');
    assert.doesNotMatch(msg, /role="alert"/);
    assert.match(text(msg), /Note: The root cause has 5 sentences/);
  });
});
