import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FollowUpReport } from '../../src/shared/follow-up';

// @forge/bridge looks for its host at import; nothing is invoked while rendering, so a host that refuses will do.
Object.assign(globalThis, {
  __bridge: { callBridge: () => Promise.reject(new Error('no bridge in a server render')) },
});
// Atlaskit's CommonJS builds import their compiled CSS; Node has nothing to do with it.
require.extensions['.css'] = (m) => {
  m.exports = {};
};

let FollowUpFigures: typeof import('../../static/page/src/FollowUpCard').FollowUpFigures;
before(async () => {
  ({ FollowUpFigures } = await import('../../static/page/src/FollowUpCard'));
});

const report = (status: FollowUpReport['status']): FollowUpReport => ({
  holdDays: 30,
  status,
  fixedButRecurred: { count: 1, cases: [{ incident: 'OPS-9', earlier: 'OPS-2' }], jql: 'project = OPS' },
  lateFollowUp: { count: 2, jql: 'project = OPS' },
  held: { count: 3, tested: 4, rate: 0.75 },
  slipped: { count: 5, jql: 'project = OPS' },
});
const render = (r: FollowUpReport) => renderToStaticMarkup(createElement(FollowUpFigures, { data: r }));

describe('the follow-up card', () => {
  it('shows the figures from the ledger or a live read, with no "being prepared" note', () => {
    for (const status of [{ kind: 'ledger', syncedAt: '2026-11-26T12:00:00.000Z' }, { kind: 'live' }] as const) {
      const html = render(report(status));
      assert.match(html, /75%/);
      assert.match(html, /held: 3 of 4/);
      assert.doesNotMatch(html, /followup-status/);
    }
  });

  it('while being prepared says why, shows the slipped count, and no hold figure', () => {
    const building = render(report({ kind: 'preparing', reason: 'building' }));
    assert.match(building, /data-testid="followup-status"[^>]*>This project is large/);
    assert.match(building, /data-testid="followup-slipped"/);
    for (const id of ['followup-held', 'followup-fixed-recurred', 'followup-late', 'followup-cases'])
      assert.doesNotMatch(building, new RegExp(`data-testid="${id}"`));
    const unverified = render(report({ kind: 'preparing', reason: 'unverified' }));
    assert.match(unverified, /counts of this project&#x27;s action tickets or post-mortems differ/);
  });
});
