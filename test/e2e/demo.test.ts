import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { POSTMORTEM_PROPERTY } from '../../src/domain/jira-names';
import { StoredPostMortemSchema } from '../../src/shared/postmortem';
import { launchChromium } from '../support/browser';
import { startDemo } from '../support/demo';

const shots = path.join(__dirname, '..', '..', 'test-results');
let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  demo = await startDemo();
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await demo?.close(); });

async function appFrame(page: Page, resource: 'panel' | 'page'): Promise<Frame> {
  await page.waitForSelector(`[data-testid="app-frame-${resource}"]`);
  const frame = page.frames().find((f) => f.url().includes(`/resources/${resource}/`));
  assert.ok(frame, `no ${resource} frame`);
  return frame;
}

describe('the demo in Chromium', () => {
  it('shows an incident post-mortem in the panel as the team stored it', async () => {
    const incident = [...demo.jira.emulator.store.issues.values()].reverse().find((i) => {
      const pm = StoredPostMortemSchema.safeParse(i.properties[POSTMORTEM_PROPERTY]);
      return pm.success && pm.data.status === 'published' && pm.data.actionCount > 0;
    });
    assert.ok(incident);
    const stored = StoredPostMortemSchema.parse(incident.properties[POSTMORTEM_PROPERTY]);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${demo.harness.url}/jira/issue/${incident.key}?as=acc-bob`);
    const frame = await appFrame(page, 'panel');
    await frame.waitForSelector('[data-testid="editor"]');
    assert.equal(await frame.textContent('[data-testid="pm-status"]'), 'published');
    assert.match((await frame.textContent('[data-testid="timeline-figures"]')) ?? '', new RegExp(`Time to acknowledge ${stored.ttaMinutes} min`));
    assert.equal(await frame.inputValue('[data-testid="root-cause"]'), stored.doc.rootCause);
    assert.equal(await frame.locator('[data-testid^="action-status-"]').count(), stored.actionCount);
    // Each ticket's status is read live from Jira, not from the post-mortem.
    const first = stored.doc.actionItems[0]?.ticketKey ?? '';
    const status = demo.jira.emulator.store.statuses.get(demo.jira.emulator.store.issuesByKey.get(first)?.statusId ?? '')?.name ?? '';
    assert.match((await frame.textContent('[data-testid="action-status-0"]')) ?? '', new RegExp(`${first}.*${status}`));
    await page.screenshot({ path: path.join(shots, 'panel-light.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('tells a user without access that Jira refused, in plain words', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.harness.url}/jira/issue/OPS-1?as=acc-erin`);
    const frame = await appFrame(page, 'panel');
    await frame.waitForSelector('[data-testid="error-message"]');
    assert.match((await frame.textContent('[data-testid="error-message"]')) ?? '', /does not exist or you do not have permission/);
    await page.close();
  });

  it('shows the project page figures, in the dark theme, and follows a JQL link to the search', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${demo.harness.url}/jira/project/OPS/page?as=acc-carol&theme=dark`);
    const frame = await appFrame(page, 'page');
    await frame.waitForSelector('[data-testid="figure"]');
    assert.equal(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode')), 'dark');
    const values = (await frame.locator('[data-testid="figure-value"]').allTextContents()).map((v) => Number(v.replace(/,/g, '')));
    const incidents = [...demo.jira.emulator.store.issues.values()].filter((i) => i.issueTypeId === '10050').length;
    assert.equal(values[0], incidents);
    await page.screenshot({ path: path.join(shots, 'page-dark.png'), fullPage: true });
    const [popup] = await Promise.all([page.waitForEvent('popup'), frame.locator('[data-testid="figure-jql"]').first().click()]);
    await popup.waitForSelector('[data-testid="search-count"]');
    assert.match((await popup.textContent('[data-testid="search-jql"]')) ?? '', /issuetype = "Incident"/);
    assert.equal(await popup.textContent('[data-testid="search-count"]'), `${incidents} issues`);
    await page.close();
  });

  it('switches the acting user from the page header', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.harness.url}/?as=acc-alice`);
    await page.selectOption('[data-testid="user-switcher"]', 'acc-dave');
    await page.waitForURL(/as=acc-dave/);
    await page.click('[data-testid="project-page-link"]');
    const frame = await appFrame(page, 'page');
    assert.match(frame.url(), /as=acc-dave/);
    await frame.waitForSelector('[data-testid="figure"]');
    await page.close();
  });
});
