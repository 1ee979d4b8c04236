import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { POSTMORTEM_PROPERTY } from '../../src/domain/jira-names';
import { StoredPostMortemSchema } from '../../src/shared/postmortem';
import { appFrame, e2eSuite, openApp, screenshot } from '../support/e2e';
import { oracle } from '../support/report-oracle';

const e2e = e2eSuite();

describe('the demo in Chromium', () => {
  it('shows an incident post-mortem in the panel as the team stored it', async () => {
    const incident = [...e2e.demo.jira.emulator.store.issues.values()].reverse().find((i) => {
      const pm = StoredPostMortemSchema.safeParse(i.properties[POSTMORTEM_PROPERTY]);
      return pm.success && pm.data.status === 'published' && pm.data.actionCount > 0;
    });
    assert.ok(incident);
    const stored = StoredPostMortemSchema.parse(incident.properties[POSTMORTEM_PROPERTY]);
    const { page, frame } = await openApp(e2e, { issue: incident.key }, { as: 'acc-bob' });
    await frame.waitForSelector('[data-testid="read-view"]');
    assert.equal(await frame.textContent('[data-testid="pm-status"]'), 'Published');
    assert.match(
      (await frame.textContent('[data-testid="timeline-figures"]')) ?? '',
      new RegExp(`Time to acknowledge ${stored.ttaMinutes} min`),
    );
    assert.equal(await frame.textContent('[data-testid="read-root-cause"]'), stored.doc.rootCause);
    assert.equal(await frame.locator('[data-testid^="action-status-"]').count(), stored.actionCount);
    // Each ticket's status is read live from Jira, not from the post-mortem.
    const first = stored.doc.actionItems[0]?.ticketKey ?? '';
    const status =
      e2e.demo.jira.emulator.store.statuses.get(e2e.demo.jira.emulator.store.issuesByKey.get(first)?.statusId ?? '')
        ?.name ?? '';
    assert.match((await frame.textContent('[data-testid="action-status-0"]')) ?? '', new RegExp(`${first}.*${status}`));
    await screenshot(page, 'panel-light');
    await page.close();
  });

  it('tells a user without access that Jira refused, in plain words', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.url(`/jira/issue/OPS-1?as=acc-erin`));
    const frame = await appFrame(page, 'panel');
    await frame.waitForSelector('[data-testid="error-message"]');
    assert.match(
      (await frame.textContent('[data-testid="error-message"]')) ?? '',
      /does not exist or you do not have permission/,
    );
    await page.close();
  });

  it('tells a user who cannot browse the project, on the project page, that access is missing and who gives it', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.url(`/jira/project/OPS/page?as=acc-erin`));
    const frame = await appFrame(page, 'page');
    await frame.waitForSelector('[data-testid="error-message"]');
    const text = (await frame.textContent('body')) ?? '';
    assert.match(text, /No access in Jira/);
    assert.match(text, /No project could be found with key 'OPS'/);
    assert.match(text, /Browse projects permission/);
    assert.doesNotMatch(text, /HTTP 400/);
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`shows the report (${theme}): headline, chart, a filter change, and a JQL link to the search`, async () => {
      const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(e2e.url(`/jira/project/OPS/page?as=acc-carol&theme=${theme}`));
      const frame = await appFrame(page, 'page');
      await frame.waitForSelector('[data-testid="completion-value"]');
      assert.equal(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode')), theme);
      const store = e2e.demo.jira.emulator.store;
      const e90 = oracle(store, Date.parse('2026-11-26T12:00:00Z'), { windowDays: 90, service: null, category: null });
      const e365 = oracle(store, Date.parse('2026-11-26T12:00:00Z'), {
        windowDays: 365,
        service: null,
        category: null,
      });
      assert.equal(
        Number((await frame.textContent('[data-testid="incidents-value"]'))?.replace(/,/g, '')),
        e90.incidents,
      );
      assert.equal(
        await frame.textContent('[data-testid="completion-counts"]'),
        `${e90.done.length} of ${e90.actions.length}`,
      );
      assert.equal(
        await frame.textContent('[data-testid="completion-value"]'),
        `${Math.round((e90.done.length / e90.actions.length) * 100)}%`,
      );
      // The card: the figure, one sentence of what it counts, "View in Jira"; the JQL only behind the disclosure.
      assert.match((await frame.textContent('[data-testid="completion-definition"]')) ?? '', /status category Done/);
      assert.equal(await frame.locator('[data-testid="jql-text"]:visible').count(), 0, 'no raw JQL until opened');
      await frame.click('[data-testid="completion-jql-disclosure"] summary');
      assert.equal(
        await frame.locator('[data-testid="completion-jql-disclosure"] [data-testid="jql-text"]:visible').count(),
        2,
      );
      assert.match((await frame.textContent('[data-testid="window"]')) ?? '', /Europe\/Berlin/);
      await frame.waitForSelector('[data-testid="trend-table"]');
      assert.match((await frame.textContent('[data-testid="trend-table"]')) ?? '', /Nov 2026/);
      const names = await frame.evaluate(() =>
        [...document.querySelectorAll('button, a[href]')].map(
          (el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
        ),
      );
      const dupes = names.filter((n, i) => names.indexOf(n) !== i);
      assert.deepEqual([...new Set(dupes)], [], 'every control has its own accessible name');
      await frame.waitForSelector('[data-testid="trend-chart"]');
      assert.equal(await frame.locator('[data-testid="trend-bar"]').count(), 12);
      assert.match(
        (await frame.textContent('[data-testid="completion-chart"]')) ?? '',
        /30%: industry rate \(the article's claim\)/,
      );
      await screenshot(page, `page-${theme}`);
      // The host resizes the frame to its content every 300 ms: content sized by the frame must not grow it.
      const frameHeight = () => page.evaluate(() => document.getElementById('app-frame')?.offsetHeight ?? 0);
      const settled = await frameHeight();
      await page.waitForTimeout(1500);
      assert.equal(await frameHeight(), settled, 'the page frame keeps its height');

      await frame.fill('#filter-window', '365');
      await frame.press('#filter-window', 'Enter');
      await frame.waitForFunction(
        (n) => document.querySelector('[data-testid="incidents-value"]')?.textContent?.replace(/,/g, '') === String(n),
        e365.incidents,
      );

      const [popup] = await Promise.all([
        page.waitForEvent('popup'),
        frame.locator('[data-testid="incidents-jql"]').click(),
      ]);
      await popup.waitForSelector('[data-testid="search-count"]');
      assert.match((await popup.textContent('[data-testid="search-jql"]')) ?? '', /created >= "2025-11-2\d \d\d:\d\d"/);
      assert.equal(await popup.textContent('[data-testid="search-count"]'), `${e365.incidents} issues`);
      await page.close();
    });
  }

  it('switches the acting user from the page header', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.url(`/?as=acc-alice`));
    await page.selectOption('[data-testid="user-switcher"]', 'acc-dave');
    await page.waitForURL(/as=acc-dave/);
    await page.click('[data-testid="project-page-link"]');
    const frame = await appFrame(page, 'page');
    assert.match(frame.url(), /as=acc-dave/);
    await frame.waitForSelector('[data-testid="completion-value"]');
    await page.close();
  });
});
