import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { readOutcomes } from '../../src/services/review';
import { launchChromium, takeCspViolations } from '../support/browser';
import { startDemo } from '../support/demo';
import { filledPostMortem, newIncident } from '../support/incidents';

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
before(async () => {
  demo = await startDemo();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await demo?.close();
});
// Forge's default Custom UI CSP (dev/harness/csp.ts): any violation in any frame fails the test.
afterEach(() => assert.deepEqual(takeCspViolations(), []));

async function openPanel(key: string, as: string): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${demo.harness.url}/jira/issue/${key}?as=${as}`);
  await page.waitForSelector('[data-testid="app-frame-panel"]');
  const frame = page.frames().find((f) => f.url().includes('/resources/panel/'));
  assert.ok(frame);
  await frame.waitForSelector('[data-testid="editor"]');
  return { page, frame };
}

describe('two people and a review, in Chromium', () => {
  it('refuses a save based on a stale version and shows what differs, keeping the edits', async () => {
    const key = await newIncident(demo.jira);
    const { buildResolvers } = await import('../../src/resolvers/definitions');
    const save = buildResolvers(demo.jira.platform)['panel/save'];
    const seeded = await save(
      { doc: filledPostMortem(1), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
      { accountId: 'acc-alice', issueKey: key, projectKey: 'OPS' },
    );
    assert.ok(seeded.ok);
    const alice = await openPanel(key, 'acc-alice');
    const carol = await openPanel(key, 'acc-carol');
    await carol.frame.fill('[data-testid="lessons"]', 'Carol: config needs a canary.');
    await carol.frame.click('[data-testid="save"]');
    await carol.frame.waitForSelector('[data-testid="save-state"]:has-text("All changes saved")');
    await alice.frame.fill('[data-testid="root-cause"]', 'Alice: the pool limit was removed by a config push.');
    await alice.frame.click('[data-testid="save"]');
    await alice.frame.waitForSelector('[data-testid="error-message"]');
    const text = (await alice.frame.textContent('[data-testid="editor"]')) ?? '';
    assert.match(text, /acc-carol saved version 2/);
    assert.match(text, /Differs from the saved version: Root cause/);
    assert.match(text, /Differs from the saved version: Lessons learned/);
    assert.equal(
      await alice.frame.inputValue('[data-testid="root-cause"]'),
      'Alice: the pool limit was removed by a config push.',
      'her edit is still in the form',
    );
    assert.ok(await alice.frame.isVisible('[data-testid="load-latest"]'));
    await alice.page.close();
    await carol.page.close();
  });

  it('records a review outcome for an earlier open action item, and keeps it', async () => {
    const key = await newIncident(demo.jira);
    const { page, frame } = await openPanel(key, 'acc-carol');
    const first = frame.locator('[data-testid="review-item"]').first();
    const label = (await first.textContent()) ?? '';
    const ticket = /(OPS-\d+) · from/.exec(label)?.[1];
    assert.ok(ticket, label);
    await frame.click(`[data-testid="record-${ticket}"]`);
    await frame.fill(`#outcome-select-${ticket}`, 'Still');
    await frame.press(`#outcome-select-${ticket}`, 'Enter');
    await frame.fill(`[data-testid="outcome-note-${ticket}"]`, 'Blocked on CI capacity');
    await frame.click(`[data-testid="outcome-save-${ticket}"]`);
    await frame.waitForSelector(`[data-testid="outcome-${ticket}"]:has-text("Blocked on CI capacity")`);
    const kept = (await readOutcomes(demo.jira.kvs, 'OPS')).get(ticket);
    assert.equal(kept?.outcome, 'still-open');
    assert.equal(kept?.recordedBy, 'acc-carol');
    await page.close();
  });
});
