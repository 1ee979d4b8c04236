import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { z } from 'zod';
import { PANEL_WIDTH, e2eSuite, flagTitles, hostFlag, openApp, screenshot } from '../support/e2e';
import { newIncident } from '../support/incidents';
import { TEST_NOW, raw } from '../support/jira';

const e2e = e2eSuite();
const store = () => e2e.demo.jira.emulator.store;
const LOOKBACK_START = '2026-11-12T12:00:00.000Z'; // two weeks before the test clock's now, written out
const NOW = new Date(TEST_NOW).toISOString();

/** The agenda's DONE lines, by ticket key, as the panel shows the Markdown it copies. */
async function doneInAgenda(frame: Frame): Promise<string[]> {
  await frame.click('[data-testid="copy-agenda"]');
  const md = (await frame.locator('[data-testid="agenda-markdown"]').textContent()) ?? '';
  assert.match(md, /^# Post-mortem meeting/);
  return [...md.matchAll(/\((OPS-\d+)\) — DONE/g)].map((m) => m[1] ?? '').sort();
}

/** Earlier incidents' action tickets that Jira says were resolved at or after `since`. */
const resolvedSince = (since: string, incident: string) =>
  [...store().issues.values()]
    .filter((i) => {
      const of = (i.properties.postmortemAction as { incident?: string } | undefined)?.incident;
      return of?.startsWith('OPS-') && of !== incident && i.resolutiondate !== null;
    })
    .filter((i) => Date.parse(i.resolutiondate ?? '') >= Date.parse(since))
    .map((i) => i.key)
    .sort();

const Transitions = z.object({
  transitions: z.array(z.object({ id: z.string(), to: z.object({ statusCategory: z.object({ key: z.string() }) }) })),
});
/** Moves a ticket to a done status through Jira's workflow, as Alice (resolved: the emulator's now). */
async function finish(key: string) {
  for (
    let step = 0;
    step < 3 && store().statuses.get(store().issuesByKey.get(key)?.statusId ?? '')?.category !== 'done';
    step++
  ) {
    const list = Transitions.parse(
      (await raw(e2e.demo.jira.emulator, 'GET', `/rest/api/3/issue/${key}/transitions`, { as: 'acc-alice' })).json,
    ).transitions;
    const next =
      list.find((t) => t.to.statusCategory.key === 'done') ??
      list.find((t) => t.to.statusCategory.key === 'indeterminate');
    assert.ok(next, `no way forward for ${key}`);
    const r = await raw(e2e.demo.jira.emulator, 'POST', `/rest/api/3/issue/${key}/transitions`, {
      as: 'acc-alice',
      body: { transition: { id: next.id } },
    });
    assert.equal(r.status, 204);
  }
}

describe('"Mark the review done" in the panel (Chromium)', () => {
  it('is not offered to someone Jira does not let edit issues; the window they see is the default two weeks', async () => {
    const key = await newIncident(e2e.demo.jira, 'Read-only look at the review');
    const { page, frame } = await openApp(e2e, { issue: key }, { as: 'acc-dave', width: PANEL_WIDTH + 32 });
    const line = frame.getByTestId('review-window');
    await line.waitFor();
    assert.equal(
      await line.innerText(),
      `No review was marked done yet: "done since the last review" looks back two weeks, to 2026-11-12 12:00 UTC.`,
    );
    assert.equal(await frame.getByTestId('review-complete').count(), 0);
    await page.close();
  });

  it('asks first, then moves the window for everyone: the agenda counts as done only what was finished since', async () => {
    const key = await newIncident(e2e.demo.jira, 'Weekly review');
    const { page, frame } = await openApp(e2e, { issue: key }, { as: 'acc-bob', width: PANEL_WIDTH + 32 });
    await frame.getByTestId('review-complete').waitFor();
    const before = resolvedSince(LOOKBACK_START, key);
    assert.ok(before.length > 0, 'the demo has action tickets finished in the last two weeks');
    assert.deepEqual(await doneInAgenda(frame), before);

    // Cancelling the confirmation changes nothing.
    await frame.click('[data-testid="review-complete"]');
    const confirm = frame.getByTestId('review-complete-confirm');
    assert.match(await confirm.innerText(), /For everyone in OPS, "done since the last review" then starts\s+now/);
    await frame.click('[data-testid="review-complete-cancel"]');
    assert.equal(await confirm.count(), 0);
    assert.equal(await e2e.demo.jira.kvs.get('review-last:OPS'), undefined);

    await frame.click('[data-testid="review-complete"]');
    await frame.getByTestId('review-complete-confirm').scrollIntoViewIfNeeded();
    await screenshot(page, `panel-review-done-confirm-${PANEL_WIDTH}-light`, { fullPage: false });
    await frame.dblclick('[data-testid="review-complete-yes"]');
    assert.deepEqual(await hostFlag(page, 'Review marked done'), {
      type: 'success',
      description: `"Done since the last review" now starts at 2026-11-26 12:00 UTC.`,
    });
    assert.deepEqual(
      (await flagTitles(page)).filter((t) => t === 'Review marked done'),
      ['Review marked done'],
      'one flag: the double click acted once',
    );
    await frame.getByTestId('review-window').scrollIntoViewIfNeeded();
    await screenshot(page, `panel-review-done-flag-${PANEL_WIDTH}-light`, { fullPage: false });
    assert.deepEqual(await e2e.demo.jira.kvs.get('review-last:OPS'), { at: NOW, by: 'acc-bob' });
    assert.equal(
      await frame.getByTestId('review-window').innerText(),
      'You marked the review done: "done since the last review" starts at 2026-11-26 12:00 UTC.',
    );
    assert.equal(await frame.getByTestId('review-complete-confirm').count(), 0);
    assert.equal(await frame.getByTestId('agenda-markdown').count(), 0, 'the agenda of the old window is gone');

    // Nothing earlier is "done since the last review" any more; a ticket finished now is.
    assert.deepEqual(await doneInAgenda(frame), []);
    const open = [...store().issues.values()].find((i) => {
      const of = (i.properties.postmortemAction as { incident?: string } | undefined)?.incident;
      return of?.startsWith('OPS-') && of !== key && i.resolutiondate === null;
    });
    assert.ok(open);
    await finish(open.key);
    assert.deepEqual(resolvedSince(NOW, key), [open.key]);
    assert.deepEqual(await doneInAgenda(frame), [open.key]);
    await page.close();

    // Someone else opening the panel sees who moved the window, and when.
    const dave = await openApp(e2e, { issue: key }, { as: 'acc-dave', width: PANEL_WIDTH + 32 });
    await dave.frame.getByTestId('review-window').waitFor();
    assert.equal(
      await dave.frame.getByTestId('review-window').innerText(),
      'The last review was marked done at 2026-11-26 12:00 UTC by Bob Okafor: "done since the last review" starts then.',
    );
    await dave.page.close();
  });
});
