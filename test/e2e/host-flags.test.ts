import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { e2eSuite, flagTitles, hostFlag, openApp, screenshot } from '../support/e2e';

const e2e = e2eSuite();

/** What @forge/bridge's showFlag and its close() send to the host (node_modules/@forge/bridge/out/flag). */
const showFlag = (frame: Frame, options: Record<string, unknown>) =>
  frame.evaluate((o) => {
    const bridge = Reflect.get(window, '__bridge') as { callBridge: (n: string, p: unknown) => Promise<unknown> };
    return bridge.callBridge('showFlag', o);
  }, options);
const closeFlag = (frame: Frame, id: string) =>
  frame.evaluate((flagId) => {
    const bridge = Reflect.get(window, '__bridge') as { callBridge: (n: string, p: unknown) => Promise<unknown> };
    return bridge.callBridge('closeFlag', { id: flagId });
  }, id);

describe("the harness draws the app's flags in the host page, as Jira does", () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`shows type, title and description in an announced region, bold with an appearance (${theme})`, async () => {
      const { page, frame } = await openApp(e2e, { issue: 'OPS-1' }, { as: 'acc-bob', theme, width: 792 });
      await showFlag(frame, { id: 'one', title: 'Saved', description: 'Version 2.', type: 'success' });
      await showFlag(frame, { id: 'two', title: 'Refused', description: 'Jira said no.', appearance: 'error' });
      assert.deepEqual(await hostFlag(page, 'Saved'), { type: 'success', description: 'Version 2.' });
      assert.deepEqual(await hostFlag(page, 'Refused'), { type: 'error', description: 'Jira said no.' });
      assert.deepEqual(await flagTitles(page), ['Refused', 'Saved'], 'newest first');
      const region = page.getByRole('region', { name: 'Flag notifications' });
      assert.equal(await region.locator('[aria-live="polite"]').count(), 1);
      assert.equal(await region.getByRole('alert').count(), 1, 'an error interrupts; a success is announced politely');
      assert.equal(await region.locator('.bold').count(), 1, 'only the flag with an appearance is bold');
      // The text is the app's, set as text: markup in it is not markup.
      await showFlag(frame, { id: 'three', title: '<b>bold?</b>', description: '<img src=x onerror="1">' });
      assert.deepEqual(await hostFlag(page, '<b>bold?</b>'), { type: 'info', description: '<img src=x onerror="1">' });
      assert.equal(await page.locator('[data-testid="host-flags"] img, [data-testid="host-flags"] b').count(), 0);
      await screenshot(page, `host-flags-${theme}`, { fullPage: false });
      await page.close();
    });
  }

  it('closes a flag from its button and from the app (Flag.close), and dismisses an auto-dismiss flag by itself', async () => {
    const { page, frame } = await openApp(e2e, { issue: 'OPS-1' }, { as: 'acc-bob' });
    await showFlag(frame, { id: 'keep', title: 'Stays until closed', type: 'warning' });
    await showFlag(frame, { id: 'app-closes', title: 'Closed by the app', type: 'info' });
    await showFlag(frame, { id: 'goes', title: 'Goes by itself', type: 'success', isAutoDismiss: true });
    await hostFlag(page, 'Goes by itself');
    await closeFlag(frame, 'app-closes');
    await page.getByRole('button', { name: 'Dismiss: Stays until closed' }).click();
    await page.mouse.move(700, 5); // a flag pointed at stays: keep the pointer away
    // Atlaskit's auto-dismiss time is 8 s: wait for the outcome, not for a time.
    await page.getByText('Goes by itself', { exact: true }).waitFor({ state: 'detached', timeout: 20_000 });
    assert.deepEqual(await flagTitles(page), []);
    await page.close();
  });
});
