import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOutcomes } from '../../src/services/review';
import { e2eSuite, hostFlag, openApp } from '../support/e2e';
import { filledPostMortem, newIncident } from '../support/incidents';

const e2e = e2eSuite();
const openPanel = (key: string, as: string) => openApp(e2e, { issue: key }, { as });

describe('two people and a review, in Chromium', () => {
  it('refuses a save based on a stale version and shows what differs, keeping the edits', async () => {
    const key = await newIncident(e2e.demo.jira);
    const { buildResolvers } = await import('../../src/resolvers/definitions');
    const save = buildResolvers(e2e.demo.jira.platform)['panel/save'];
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
    assert.deepEqual(await hostFlag(carol.page, 'Post-mortem saved'), {
      type: 'success',
      description: 'Saved version 2.',
    });
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
    // A refused save is no success: no flag, the error stays beside the button.
    assert.equal(await alice.page.getByTestId('host-flag').count(), 0);
    await alice.page.close();
    await carol.page.close();
  });

  it('records a review outcome for an earlier open action item, and keeps it', async () => {
    const key = await newIncident(e2e.demo.jira);
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
    const kept = (await readOutcomes(e2e.demo.jira.kvs, 'OPS')).get(ticket);
    assert.equal(kept?.outcome, 'still-open');
    assert.equal(kept?.recordedBy, 'acc-carol');
    await page.close();
  });

  it('tells a read-only person beside the form that Jira refused, and shows no success flag', async () => {
    const key = await newIncident(e2e.demo.jira);
    const { page, frame } = await openPanel(key, 'acc-dave');
    const label = (await frame.locator('[data-testid="review-item"]').first().textContent()) ?? '';
    const ticket = /(OPS-\d+) · from/.exec(label)?.[1] ?? assert.fail(label);
    const before = (await readOutcomes(e2e.demo.jira.kvs, 'OPS')).get(ticket);
    await frame.click(`[data-testid="record-${ticket}"]`);
    await frame.fill(`#outcome-select-${ticket}`, 'Done');
    await frame.press(`#outcome-select-${ticket}`, 'Enter');
    await frame.click(`[data-testid="outcome-save-${ticket}"]`);
    const error = frame.getByTestId('outcome-form').getByTestId('error-message');
    await error.waitFor();
    assert.match(await error.innerText(), /Jira does not let you edit issues in OPS.*Nothing was recorded\./);
    assert.equal(await page.getByTestId('host-flag').count(), 0);
    assert.deepEqual((await readOutcomes(e2e.demo.jira.kvs, 'OPS')).get(ticket), before, 'nothing recorded');
    await page.close();
  });
});
