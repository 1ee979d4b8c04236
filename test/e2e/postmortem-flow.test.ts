import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { StoredPostMortemSchema } from '../../src/shared/postmortem';
import { e2eSuite, hostFlag, openApp, screenshot } from '../support/e2e';
import { newIncident } from '../support/incidents';

const e2e = e2eSuite();

/** Types into an Atlaskit select and picks the first option once it is listed (owners load as you type). */
async function choose(frame: Frame, inputId: string, text: string) {
  await frame.fill(`#${inputId}`, text);
  await frame
    .locator('[id*="-option-"]', { hasText: new RegExp(text, 'i') })
    .first()
    .waitFor();
  await frame.press(`#${inputId}`, 'Enter');
}

describe('writing a post-mortem in the panel (Chromium)', () => {
  it('fills every section, refuses a fourth action item, creates the tickets in the next sprint', async () => {
    const key = await newIncident(e2e.demo.jira, 'Checkout errors');
    // An incident commander in Berlin: times are typed in local time and stored in UTC.
    const context = await e2e.browser.newContext({ timezoneId: 'Europe/Berlin' });
    const { page, frame } = await openApp(e2e, { issue: key }, { as: 'acc-alice', context });
    assert.ok(
      (await frame.locator('[data-testid="review-item"]').count()) > 0,
      'the review of earlier items comes first',
    );

    await frame.fill('[data-testid="title-service"]', 'checkout');
    await frame.fill('[data-testid="title-symptom"]', '5xx errors after deploy');
    await frame.fill('[data-testid="title-date"]', '2026-11-20');
    assert.equal(
      await frame.textContent('[data-testid="composed-title"]'),
      'Incident: checkout 5xx errors after deploy on 2026-11-20',
    );
    assert.equal(
      await frame.isChecked('[data-testid="sync-summary--hidden-checkbox"]'),
      false,
      'the title is offered, not imposed',
    );
    await frame.click('[data-testid="sync-summary--checkbox-label"]');
    await frame.fill('[data-testid="impact-users"]', '1200');
    await frame.fill('[data-testid="impact-revenue"]', '4500');
    await frame.fill('[data-testid="impact-slo"]', '18');
    const times: [string, string][] = [
      ['alertAt', '15:02'],
      ['acknowledgedAt', '15:09'],
      ['rootCauseAt', '15:40'],
      ['fixDeployedAt', '16:05'],
      ['recoveredAt', '16:12'],
      ['allClearAt', '16:45'],
    ];
    for (const [m, t] of times) await frame.fill(`[data-testid="tl-${m}"]`, `2026-11-20T${t}`);
    assert.match(
      (await frame.textContent('[data-testid="timeline-figures"]')) ?? '',
      /Time to acknowledge 7 min · to identify 38 min · to fix 1 h 03 min · to recover 1 h 10 min · total 1 h 43 min/,
    );
    await frame.fill(
      '[data-testid="root-cause"]',
      'A config change shipped without a canary and disabled the connection pool limits. Checkout exhausted database connections.',
    );
    await choose(frame, 'category-select', 'Deploy');
    await frame.fill('[data-testid="factor-possible"]', 'No canary stage for config changes');
    await frame.fill('[data-testid="factor-detection"]', 'Pool saturation alert missing');
    await frame.fill('[data-testid="factor-resolution"]', 'Rollback required manual approval');
    await frame.click('[data-testid="went-well-add"]');
    await frame.fill('[aria-label="What went well 1"]', 'Fast escalation');
    await frame.click('[data-testid="went-wrong-add"]');
    await frame.fill('[aria-label="What went wrong 1"]', 'Alert fired late');
    await frame.fill('[data-testid="lessons"]', 'Config is code: it needs the same canary as code.');

    const actions = [
      'Add canary deploys for config changes',
      'Alert on connection pool saturation',
      'Automate one-click rollback',
    ];
    const owners = ['Bob', 'Carol', 'Alice'];
    for (let i = 0; i < 3; i++) {
      await frame.click('[data-testid="add-action"]');
      await frame.fill(`[data-testid="action-${i}"]`, actions[i] ?? '');
      await choose(frame, `owner-${i}`, owners[i] ?? '');
      await choose(frame, `priority-${i}`, `P${i + 1}`);
    }
    await frame.click('[data-testid="add-action"]');
    await frame.waitForSelector('[data-testid="rule1-refusal"]');
    assert.match(
      (await frame.textContent('[data-testid="rule1-refusal"]')) ?? '',
      /If you can't narrow it to three, you haven't identified the real problems yet/,
    );
    assert.equal(await frame.locator('[data-testid="action-3"]').count(), 0, 'no fourth row');
    await frame.fill('[data-testid="parking-idea"]', 'Chaos testing for the pool');
    await frame.click('[data-testid="park-idea"]');

    await frame.click('[data-testid="save"]');
    await frame.waitForSelector('[data-testid="save-state"]:has-text("All changes saved")');
    assert.deepEqual(await hostFlag(page, 'Post-mortem saved'), { type: 'success', description: 'Saved version 1.' });
    const incident = e2e.demo.jira.emulator.store.issuesByKey.get(key);
    const stored = StoredPostMortemSchema.parse(incident?.properties.postmortem);
    assert.equal(stored.doc.timeline.alertAt, '2026-11-20T14:02Z', 'Berlin 15:02 is 14:02 UTC');
    assert.equal(stored.doc.category, 'Deploy / config change');
    assert.equal(stored.doc.parkingLot[0]?.idea, 'Chaos testing for the pool');
    assert.equal(stored.usersAffected, 1200);
    assert.equal(incident?.summary, 'Incident: checkout 5xx errors after deploy on 2026-11-20');

    await frame.click('[data-testid="create-tickets"]');
    await frame.waitForSelector('[data-testid="action-status-2"] >> text=/OPS-\\d+/');
    await screenshot(page, 'panel-after-tickets');
    const tickets = [...e2e.demo.jira.emulator.store.issues.values()].filter(
      (i) => (i.properties.postmortemAction as { incident?: string } | undefined)?.incident === key,
    );
    assert.equal(tickets.length, 3);
    const nextSprint = [...e2e.demo.jira.emulator.store.sprints.values()]
      .filter((s) => s.state === 'future')
      .sort((a, b) => a.rank - b.rank)[0];
    for (const [i, t] of tickets.sort((a, b) => a.id - b.id).entries()) {
      assert.equal(t.summary, actions[i]);
      assert.deepEqual(t.sprintIds, [nextSprint?.id]);
      assert.equal(t.assigneeId, ['acc-bob', 'acc-carol', 'acc-alice'][i]);
      assert.equal(
        e2e.demo.jira.emulator.store.priorities.get(t.priorityId ?? '')?.name,
        ['Highest', 'High', 'Medium'][i],
      );
      assert.ok(t.duedate);
      assert.ok(
        [...e2e.demo.jira.emulator.store.links.values()].some(
          (l) => l.inwardIssueId === incident?.id && l.outwardIssueId === t.id, // "INC has action item T"
        ),
      );
    }
    assert.match((await frame.textContent('[data-testid="action-status-0"]')) ?? '', /To Do/);
    assert.deepEqual(await hostFlag(page, '3 tickets ready'), {
      type: 'success',
      description: `Linked to ${key} and planned in ${nextSprint?.name ?? assert.fail('no future sprint')}.`,
    });
    await context.close();
  });
});
