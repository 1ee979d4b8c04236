import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { ProjectSettingsSchema } from '../../src/shared/contract';
import { assertAccessible } from '../support/a11y';
import { PANEL_WIDTH, e2eSuite, hostFlag, openApp, screenshot } from '../support/e2e';

const e2e = e2eSuite();
const WIDTH = PANEL_WIDTH; // the narrowest the page should read well at (Jira with its sidebar open on a laptop)

const openPage = (theme: 'light' | 'dark', as = 'acc-alice') =>
  openApp(e2e, { project: 'OPS' }, { as, theme, width: WIDTH + 32, height: 900, ready: '[data-testid="details"]' });

/** The text a reader sees in the frame (closed disclosures hide theirs). */
const visibleText = (frame: Frame) => frame.evaluate(() => document.body.innerText);
const overflow = (frame: Frame) =>
  frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const theme of ['light', 'dark'] as const) {
  describe(`the project page at ${WIDTH} px (${theme})`, () => {
    it('reads without raw JQL until a disclosure opens, and is accessible closed, with JQL open and with the settings open', async () => {
      const { page, frame } = await openPage(theme);
      assert.equal(
        await frame.getByTestId('filters-result').innerText(),
        'Showing the last 90 days, all services, all categories.',
      );
      // The cards say what they count; the JQL behind them is not on screen until asked for.
      assert.equal(await frame.locator('[data-testid="jql-text"]:visible').count(), 0);
      assert.doesNotMatch(await visibleText(frame), /project\s*=|issuetype\s*=|issue\.property/i);
      assert.ok((await overflow(frame)) <= 0, 'no horizontal scrolling at 760 px');
      await screenshot(page, `page-${WIDTH}-${theme}`);
      await assertAccessible(page, frame, `project page (${theme})`);

      const disclosure = frame.getByTestId('completion-jql-disclosure');
      await disclosure.locator('summary').click();
      const shown = await disclosure.getByTestId('jql-text').allInnerTexts();
      assert.equal(shown.length, 2);
      for (const jql of shown) {
        assert.match(jql, /project\s*=/i);
        assert.ok((await visibleText(frame)).includes(jql), 'the opened JQL is on screen');
      }
      await assertAccessible(page, frame, `project page with a JQL disclosure open (${theme})`);

      await frame.getByTestId('settings-toggle').click();
      await frame.getByTestId('settings-form').waitFor();
      assert.equal(await frame.getByTestId('settings-toggle').getAttribute('aria-expanded'), 'true');
      assert.ok((await overflow(frame)) <= 0, 'the settings fit at 760 px');
      await frame.getByTestId('settings-form').scrollIntoViewIfNeeded();
      await screenshot(page, `page-settings-${WIDTH}-${theme}`);
      await assertAccessible(page, frame, `project page with the settings open (${theme})`);
      await page.close();
    });
  });
}

describe('actions on the project page', () => {
  it('copies a JQL and says so in a flag; a filter change says what it shows', async () => {
    const { page, frame } = await openPage('light');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.url('') });
    const disclosure = frame.getByTestId('overdue-jql-disclosure');
    await disclosure.locator('summary').click();
    await disclosure.getByRole('button', { name: 'Copy JQL: Overdue action items' }).click();
    assert.deepEqual(await hostFlag(page, 'JQL copied'), { type: 'success', description: 'Overdue action items' });
    const copied = await frame.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await disclosure.getByTestId('jql-text').innerText());

    await frame.fill('#filter-window', '365');
    await frame.press('#filter-window', 'Enter');
    await frame.getByText('Showing the last 365 days, all services, all categories.', { exact: true }).waitFor();
    await page.close();
  });

  it('saves the settings once on a double click, says so in a flag, and keeps a refusal beside the button', async () => {
    const { page, frame } = await openPage('light');
    await frame.getByTestId('settings-toggle').click();
    const categories = frame.getByTestId('settings-categories');
    await categories.waitFor();
    const before = await categories.inputValue();
    await categories.fill(`${before}\nCertificate expiry`);
    await frame.getByTestId('settings-save').dblclick();
    const flag = await hostFlag(page, 'Settings saved');
    assert.deepEqual(flag, {
      type: 'success',
      description: 'Version 1: new post-mortems and action tickets of this project use them.',
    });
    assert.match(await frame.getByTestId('settings-version').innerText(), /^Version 1, saved/);
    const stored = await e2e.demo.jira.kvs.get('project-settings:OPS');
    const parsed = ProjectSettingsSchema.parse((stored as { settings: unknown }).settings);
    assert.equal(parsed.categories.at(-1), 'Certificate expiry');
    assert.equal(await page.getByTestId('host-flag').count(), 1, 'one save, one flag');

    // Someone else saved meanwhile: this page's version is stale, and the refusal stays in place, with a way out.
    const other = await openPage('light');
    await other.frame.getByTestId('settings-toggle').click();
    await other.frame.getByTestId('settings-categories').waitFor();
    await other.frame.getByTestId('settings-categories').fill(`${before}\nDNS`);
    await categories.fill(`${before}\nCertificate expiry\nQueue backlog`);
    await other.frame.getByTestId('settings-save').click();
    await hostFlag(other.page, 'Settings saved');
    await frame.getByTestId('settings-save').click();
    const error = frame.getByTestId('settings-form').getByTestId('error-message');
    await error.waitFor();
    assert.equal(await page.getByTestId('host-flag').count(), 1, 'a refused save gets no flag');
    await frame.getByTestId('settings-reload').click();
    await frame.getByText('Version 2, saved', { exact: false }).waitFor();
    assert.equal(await categories.inputValue(), `${before}\nDNS`);
    await other.page.close();
    await page.close();
  });
});
