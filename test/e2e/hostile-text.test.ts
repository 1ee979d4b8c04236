import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { buildResolvers } from '../../src/resolvers/definitions';
import { StoredPostMortemSchema, type PostMortem } from '../../src/shared/postmortem';
import { PANEL_WIDTH, e2eSuite, openApp, screenshot, type Demo } from '../support/e2e';
import { filledPostMortem, newIncident } from '../support/incidents';

/*
 * Hostile text, saved as a real user through the app's resolvers, must come back as text everywhere the UI shows
 * it: the exact characters on screen, no element made from it, no script run (each payload would set
 * window.__pwned or open a dialog), no CSP violation (the suite's guard), and no line so long the page scrolls
 * sideways at 760 px.
 */
const e2e = e2eSuite({ setup: (demo) => saveHostile(demo) });

const SCRIPT = `<script>window.__pwned='script'</script>`;
const IMG = `<img src=x onerror="window.__pwned='img'">`;
const MD_LINK = `[x](javascript:alert(1))`;
const MD_LINK_FLAG = `[docs](javascript:window.__pwned='link')`;
const FORGED = `Keep the runbook current.\n## Action Items\n| Forged action | acc-evil | P1 | 2026-01-01 |\n<h2>Action Items</h2>`;
const RTL = `invoice\u202Efdp.exe is attached`;
const ZERO_WIDTH = `zero\u200Bwidth\u200Djoiner\uFEFFhere`;
const LONG = `Unbroken${'x'.repeat(300)}`;

const ACTION = `${SCRIPT} ${IMG}`;
const ROOT_CAUSE = `${SCRIPT} then ${MD_LINK} and ${RTL}. ${LONG}`;

function hostileDoc(): PostMortem {
  const doc = filledPostMortem(1);
  doc.status = 'published';
  doc.title = { service: IMG, symptom: `${SCRIPT} ${RTL}`, date: '2026-11-20' };
  doc.service = IMG;
  doc.rootCause = ROOT_CAUSE;
  doc.contributingFactors = {
    possible: `${MD_LINK_FLAG} hostile markup everywhere`,
    detection: `${ZERO_WIDTH} hostile markup everywhere`,
    resolution: `${IMG} hostile markup everywhere`,
  };
  doc.wentWell = [LONG];
  doc.wentWrong = [SCRIPT, RTL];
  doc.lessons = FORGED;
  doc.actionItems = [
    { id: 'a1', action: ACTION, ownerAccountId: 'acc-bob', priority: 'P1', dueDate: '2025-01-02', ticketKey: null },
  ];
  doc.parkingLot = [{ id: 'p1', idea: MD_LINK_FLAG }];
  return doc;
}

let hostile = '';
let ticket = '';
/** Two published post-mortems with the same hostile text (so it recurs on the project page), and a ticket. */
async function saveHostile(demo: Demo) {
  const r = buildResolvers(demo.jira.platform);
  const keys = [await newIncident(demo.jira, 'Hostile text one'), await newIncident(demo.jira, 'Hostile text two')];
  for (const key of keys) {
    const ctx = { accountId: 'acc-alice', issueKey: key, projectKey: 'OPS' };
    const saved = await r['panel/save'](
      { doc: hostileDoc(), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
      ctx,
    );
    assert.ok(saved.ok, JSON.stringify(saved));
  }
  hostile = keys[0] ?? '';
  const made = await r['actions/create'](
    { requestId: 'hostile-text-1' },
    { accountId: 'acc-alice', issueKey: hostile, projectKey: 'OPS' },
  );
  assert.ok(made.ok, JSON.stringify(made));
  const stored = StoredPostMortemSchema.parse(demo.jira.emulator.store.issuesByKey.get(hostile)?.properties.postmortem);
  ticket = stored.doc.actionItems[0]?.ticketKey ?? assert.fail('no ticket made');
  assert.equal(stored.doc.rootCause, ROOT_CAUSE, 'stored as typed');
}

/** Nothing the payload could have made or run, in the app's frame and in the host page. */
async function assertInert(page: Page, frame: Frame, where: string) {
  for (const [target, name] of [
    [frame, 'app frame'],
    [page.mainFrame(), 'host page'],
  ] as const) {
    const found = await target.evaluate(() => ({
      pwned: Reflect.get(window, '__pwned') ?? null,
      images: document.querySelectorAll('img[src="x"], img[onerror]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned')).length,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      forgedHeadings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(
        (h) => h.textContent?.trim() === 'Action Items',
      ).length,
      // An event handler or a URL attribute carrying the payload's code, on any element (text in a value or a
      // label is fine: it is text).
      handlers: [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some(
          (a) =>
            (a.name.startsWith('on') && a.value.includes('__pwned')) ||
            (/^(href|src|action|formaction|xlink:href)$/.test(a.name) && /^\s*javascript:/i.test(a.value)),
        ),
      ).length,
    }));
    assert.deepEqual(
      found,
      { pwned: null, images: 0, scripts: 0, jsLinks: 0, forgedHeadings: 0, handlers: 0 },
      `${where}, ${name}`,
    );
  }
  const overflow = await frame.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 0, `${where}: ${overflow} px wider than the frame at ${PANEL_WIDTH} px`);
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

const texts = (frame: Frame, selector: string) => frame.locator(selector).allTextContents();

describe('hostile text renders inert (Chromium, 760 px)', () => {
  it('in the panel read view and the edit form', async () => {
    const { page, frame } = await openApp(e2e, { issue: hostile }, { as: 'acc-bob', width: PANEL_WIDTH + 32 });
    const dialogs = watchDialogs(page);
    await frame.getByTestId('read-view').waitFor();
    assert.equal(await frame.getByTestId('pm-title').textContent(), `Incident: ${IMG} ${SCRIPT} ${RTL} on 2026-11-20`);
    // Each typed part of the title is isolated: a right-to-left override cannot run into the words after it.
    assert.deepEqual(await texts(frame, '[data-testid="pm-title"] bdi'), [IMG, `${SCRIPT} ${RTL}`, '2026-11-20']);
    assert.equal(await frame.getByTestId('read-root-cause').textContent(), ROOT_CAUSE);
    const read = (await frame.getByTestId('read-view').textContent()) ?? '';
    assert.equal(await frame.locator('[data-testid="read-lessons"] p').textContent(), FORGED);
    for (const s of [LONG, ZERO_WIDTH, RTL, `${MD_LINK_FLAG} hostile markup everywhere`, ACTION])
      assert.ok(read.includes(s), `the read view shows ${JSON.stringify(s.slice(0, 40))} as typed`);
    await screenshot(page, `hostile-read-${PANEL_WIDTH}-light`);
    await assertInert(page, frame, 'read view');

    await frame.getByTestId('edit').click();
    await frame.getByTestId('root-cause').waitFor();
    assert.equal(await frame.getByTestId('root-cause').inputValue(), ROOT_CAUSE);
    assert.equal(await frame.getByTestId('lessons').inputValue(), FORGED);
    assert.equal(await frame.getByTestId('title-service').inputValue(), IMG);
    assert.equal(await frame.getByTestId('action-0').inputValue(), ACTION);
    await assertInert(page, frame, 'edit form');
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  it('in the review table of a later incident', async () => {
    const later = await newIncident(e2e.demo.jira, 'After the hostile one');
    const { page, frame } = await openApp(e2e, { issue: later }, { as: 'acc-bob', width: PANEL_WIDTH + 32 });
    const dialogs = watchDialogs(page);
    const row = frame.getByTestId(`review-row-${ticket}`);
    await row.waitFor();
    assert.ok(((await row.textContent()) ?? '').includes(ACTION), 'the ticket summary as typed');
    await screenshot(page, `hostile-review-${PANEL_WIDTH}-light`);
    await assertInert(page, frame, 'review table');
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  it('on the project page: services, recurring factors, parking-lot ideas', async () => {
    const { page, frame } = await openApp(
      e2e,
      { project: 'OPS' },
      { as: 'acc-carol', width: PANEL_WIDTH + 32, ready: '[data-testid="details"]' },
    );
    const dialogs = watchDialogs(page);
    const services = await texts(frame, '[data-testid="services-table--cell-0"]');
    assert.ok(services.includes(IMG), `the service as typed among ${JSON.stringify(services)}`);
    // Ideas are compared by their words (the report's normalised form): the payload's words, as text.
    assert.ok(
      (await texts(frame, '[data-testid="ideas"] li')).includes('docs javascript window pwned link (2 post-mortems)'),
      'the parking-lot idea that came back',
    );
    await frame.getByTestId('filters').scrollIntoViewIfNeeded();
    await screenshot(page, `hostile-page-${PANEL_WIDTH}-light`);
    await assertInert(page, frame, 'project page');
    assert.deepEqual(dialogs, []);
    await page.close();
  });
});
