import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedKanbanProject } from '../../dev/seed/followup';
import { addFollowUpCases } from '../../dev/seed/followup-cases';
import { followUpJob } from '../../src/triggers/follow-up';
import { appFrame, e2eSuite, hostFlag, screenshot } from '../support/e2e';
import { TEST_NOW } from '../support/jira';

let cases: Awaited<ReturnType<typeof addFollowUpCases>>;
const e2e = e2eSuite({
  setup: async (demo) => {
    seedKanbanProject(demo.jira.emulator.store, TEST_NOW);
    cases = await addFollowUpCases(demo.jira.platform, demo.jira.emulator.store, TEST_NOW);
    await followUpJob(demo.jira.platform); // the scheduled job: reminders and slipped tickets
  },
});

describe('follow-up in Chromium', () => {
  it('the panel of an incident whose fix did not hold says so, and where Kanban tickets go', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(e2e.url(`/jira/issue/${cases.fixed}?as=acc-bob`));
    const frame = await appFrame(page, 'panel');
    const recurred = frame.locator('[data-testid="followup-recurred"]');
    await recurred.waitFor();
    assert.match(await recurred.innerText(), new RegExp(`Recurred as ${cases.again}: the fix did not hold`));
    const placement = await frame.locator('[data-testid="followup-placement"]').innerText();
    assert.match(placement, /top of "Selected for Development" on Payments flow/);
    assert.match(placement, /P1 15 days after the ticket is created; P2 30 days .*; P3 60 days \(Kanban: no sprints\)/);
    await screenshot(page, 'followup-panel-recurred');
    await page.close();
  });

  it('the panel of an incident repeated while its action was open says the follow-up was late', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(e2e.url(`/jira/issue/${cases.late}?as=acc-bob`));
    const frame = await appFrame(page, 'panel');
    const recurred = frame.locator('[data-testid="followup-recurred"]');
    await recurred.waitFor();
    assert.match(await recurred.innerText(), /the follow-up was late/);
    await page.close();
  });

  it("a scrum incident's review groups the tickets that slipped out of their sprint", async () => {
    const store = e2e.demo.jira.emulator.store;
    const slipped = [...store.issues.values()].filter(
      (i) =>
        (i.properties.postmortemAction as { slipped?: number } | undefined)?.slipped === 1 && i.key.startsWith('OPS-'),
    );
    assert.ok(slipped.length > 0, 'the job moved slipped OPS tickets into the next sprint');
    const latest = [...store.issues.values()]
      .filter((i) => i.key.startsWith('OPS-') && store.issueTypes.get(i.issueTypeId)?.name === 'Incident')
      .at(-1);
    assert.ok(latest);
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(e2e.url(`/jira/issue/${latest.key}?as=acc-bob`));
    const frame = await appFrame(page, 'panel');
    const group = frame.locator('[data-testid="review-slipped"]');
    await group.waitFor();
    assert.match(await group.innerText(), /Slipped out of a closed sprint unfinished/);
    assert.ok((await frame.locator('[data-testid="slipped"]').count()) > 0, 'slipped items carry a lozenge');
    await page.close();
  });

  it('the project page shows held rate, fixed-but-recurred cases, late follow-up and slipped counts', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1600 } });
    await page.goto(e2e.url(`/jira/project/KAN/page?as=acc-carol`));
    const frame = await appFrame(page, 'page');
    const card = frame.locator('[data-testid="followup-card"]');
    await card.waitFor();
    // Known answers: "fixed" recurred after all its actions were done; "held" has had 40 quiet days; of the two
    // put to the test, one held.
    assert.match(await frame.locator('[data-testid="followup-held"]').innerText(), /50%[\s\S]*held: 1 of 2/);
    assert.match(await frame.locator('[data-testid="followup-fixed-recurred"]').innerText(), /^1/);
    assert.match(await frame.locator('[data-testid="followup-late"]').innerText(), /^1/);
    await frame.locator('[data-testid="followup-cases-disclosure"] summary').click();
    const table = await frame.locator('[data-testid="followup-cases"]').innerText();
    assert.match(table, new RegExp(`${cases.again}\\s+${cases.fixed}`));
    await screenshot(page, 'followup-page');
    await page.close();
  });

  it('an admin changes the follow-up settings; a read-only user sees them but cannot save', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1800 } });
    await page.goto(e2e.url(`/jira/project/KAN/page?as=acc-alice`));
    let frame = await appFrame(page, 'page');
    await frame.click('[data-testid="settings-toggle"]');
    const p1 = frame.locator('[data-testid="settings-due-P1"]');
    await p1.waitFor();
    await p1.fill('10');
    await frame.click('[data-testid="settings-save"]');
    assert.deepEqual(await hostFlag(page, 'Settings saved'), {
      type: 'success',
      description: 'Version 1: new post-mortems and action tickets of this project use them.',
    });
    assert.match(await frame.locator('[data-testid="settings-version"]').innerText(), /Version 1/);
    const stored = await e2e.demo.jira.kvs.get('project-settings:KAN');
    assert.equal((stored as { settings: { dueTargets: { P1: number } } }).settings.dueTargets.P1, 10);

    await page.goto(e2e.url(`/jira/project/KAN/page?as=acc-dave`));
    frame = await appFrame(page, 'page');
    await frame.click('[data-testid="settings-toggle"]');
    await frame.locator('[data-testid="settings-readonly"]').waitFor();
    assert.equal(await frame.locator('[data-testid="settings-due-P1"]').isDisabled(), true);
    assert.equal(await frame.locator('[data-testid="settings-save"]').isDisabled(), true);
    await page.close();
  });
});
