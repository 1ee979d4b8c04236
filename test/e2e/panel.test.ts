import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import type { IssueRec } from '../../dev/emulator/state/model';
import { StoredPostMortemSchema } from '../../src/shared/postmortem';
import { axeViolations, duplicateNames, namedControls } from '../support/a11y';
import { launchChromium } from '../support/browser';
import { startDemo } from '../support/demo';
import { TEST_NOW } from '../support/jira';

const shots = path.join(__dirname, '..', '..', 'test-results');
let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  demo = await startDemo();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

const WIDTH = 760; // Jira's issue view gives a panel about this much room
const issues = () => [...demo.jira.emulator.store.issues.values()];
const stored = (i: IssueRec) => StoredPostMortemSchema.safeParse(i.properties.postmortem);
const withStatus = (status: string) =>
  issues()
    .reverse()
    .find((i) => {
      const s = stored(i);
      return s.success && s.data.status === status && (status === 'draft' || s.data.actionCount > 0);
    }) ?? assert.fail(`no ${status} incident in the demo`);
const today = new Date(TEST_NOW).toISOString().slice(0, 10);
const earlierOpen = (key: string) =>
  issues().filter((i) => {
    const incident = (i.properties.postmortemAction as { incident?: string } | undefined)?.incident;
    return incident && incident !== key && demo.jira.emulator.store.statuses.get(i.statusId)?.category !== 'done';
  });

async function openPanel(key: string, theme: 'light' | 'dark'): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.newPage({ viewport: { width: WIDTH + 32, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${demo.harness.url}/jira/issue/${key}?as=acc-bob&theme=${theme}`);
  await page.waitForSelector('[data-testid="app-frame-panel"]');
  const frame = page.frames().find((f) => f.url().includes('/resources/panel/')) ?? assert.fail('no panel frame');
  await frame.waitForSelector('[data-testid="editor"]');
  assert.equal(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode')), theme);
  page.on('close', () => assert.deepEqual(errors, []));
  return { page, frame };
}

/** No serious or critical axe finding, and no two controls with the same accessible name. */
async function assertAccessible(page: Page, frame: Frame, where: string) {
  const violations = await axeViolations(frame);
  assert.deepEqual(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${JSON.stringify(v.nodes[0]?.target)})`),
    [],
    where,
  );
  const controls = await namedControls(page, frame);
  assert.ok(controls.length > 3, `${where}: the accessibility tree lists the controls`);
  assert.deepEqual(duplicateNames(controls), [], where);
  assert.deepEqual(
    controls.filter((c) => !c.name.trim()).map((c) => c.role),
    [],
    `${where}: every control has a name`,
  );
}

for (const theme of ['light', 'dark'] as const) {
  describe(`the panel at ${WIDTH} px (${theme})`, () => {
    it('shows a published post-mortem as a read view, the review folded into one line, at most 2,600 px tall', async () => {
      const incident = withStatus('published');
      const pm = StoredPostMortemSchema.parse(incident.properties.postmortem);
      const { page, frame } = await openPanel(incident.key, theme);
      await frame.waitForSelector('[data-testid="read-view"]');
      assert.equal(await frame.textContent('[data-testid="pm-status"]'), 'Published');
      assert.equal(
        await frame.textContent('[data-testid="pm-title"]'),
        `Incident: ${pm.doc.title.service} ${pm.doc.title.symptom} on ${pm.doc.title.date}`,
      );
      assert.equal(await frame.textContent('[data-testid="read-root-cause"]'), pm.doc.rootCause);
      assert.equal(await frame.locator('[data-testid="root-cause"]').count(), 0, 'no form until Edit');
      assert.equal(await frame.locator('[data-testid="review-body"]').count(), 0, 'the review is folded away');
      const open = earlierOpen(incident.key);
      const overdue = open.filter((i) => i.duedate !== null && i.duedate < today);
      assert.equal(
        await frame.textContent('[data-testid="review-summary"]'),
        `${open.length} open from earlier incidents, ${overdue.length} overdue.`,
      );
      const height = await frame.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height <= 2600, `the panel is ${height} px tall`);
      await page.waitForTimeout(300); // let the host's resizer catch up before the screenshot
      await page.screenshot({ path: path.join(shots, `panel-published-${WIDTH}-${theme}.png`), fullPage: true });
      await assertAccessible(page, frame, `published read view (${theme})`);
      await page.close();
    });

    it('edits a published post-mortem and pages the review table through the resolver', async () => {
      const incident = withStatus('published');
      const { page, frame } = await openPanel(incident.key, theme);
      await frame.click('[data-testid="edit"]');
      await frame.waitForSelector('[data-testid="root-cause"]');
      await frame.click('[data-testid="review-toggle"]');
      await frame.waitForSelector('[data-testid="review-body"] table');
      const firstPage = await frame.locator('[data-testid="review-item"]').allTextContents();
      assert.equal(firstPage.length, 10);
      await frame.click('button[aria-label="Next page of the review"]');
      await frame.waitForFunction(
        (first) => document.querySelector('[data-testid="review-item"]')?.textContent !== first,
        firstPage[0],
      );
      const second = await frame.locator('[data-testid="review-item"]').allTextContents();
      assert.ok(second.length > 0 && second.every((t) => !firstPage.includes(t)));
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(shots, `panel-edit-${WIDTH}-${theme}.png`), fullPage: true });
      await assertAccessible(page, frame, `edit form with the review open (${theme})`);
      await page.close();
    });
  });
}

describe(`a draft at ${WIDTH} px`, () => {
  it('opens with the review unfolded, finds similar incidents with a plain strength, and records an outcome once', async () => {
    const incident = withStatus('draft');
    const { page, frame } = await openPanel(incident.key, 'light');
    await frame.waitForSelector('[data-testid="review-body"] table');
    await frame.waitForSelector('[data-testid="root-cause"]');
    await frame.click('[data-testid="find-similar"]');
    await frame.waitForSelector('[data-testid="similar-result"]:has-text("look")');
    const candidates = await frame.locator('[data-testid="similar-candidate"]').allTextContents();
    for (const c of candidates) {
      assert.match(c, /strong match|possible match/);
      assert.doesNotMatch(c, /score/);
    }
    const item = (await frame.locator('[data-testid="review-item"]').first().textContent()) ?? '';
    const ticket = /(OPS-\d+) · from/.exec(item)?.[1] ?? assert.fail(item);
    await frame.click(`[data-testid="record-${ticket}"]`);
    await frame.fill(`#outcome-select-${ticket}`, 'Still');
    await frame.press(`#outcome-select-${ticket}`, 'Enter');
    await frame.fill(`[data-testid="outcome-note-${ticket}"]`, 'Waiting for the CI runners');
    // A double click records once: the second click lands while the first is busy.
    await frame.dblclick(`[data-testid="outcome-save-${ticket}"]`);
    await frame.waitForSelector(`[data-testid="outcome-${ticket}"]:has-text("Waiting for the CI runners")`);
    assert.match((await frame.textContent('[data-testid="review-recorded"]')) ?? '', /Recorded "Still open"/);
    // The issue's complaint: a double click posted the agenda twice. Now the second click finds the action busy.
    const comments = () => demo.jira.emulator.store.issuesByKey.get(incident.key)?.comments.length ?? 0;
    const before = comments();
    await frame.dblclick('[data-testid="post-agenda"]');
    await frame.waitForSelector('[data-testid="agenda-note"]:has-text("Agenda posted")');
    assert.equal(comments(), before + 1);
    await page.screenshot({ path: path.join(shots, `panel-draft-${WIDTH}-light.png`), fullPage: true });
    await assertAccessible(page, frame, 'draft with the review open');
    await page.close();
  });
});
