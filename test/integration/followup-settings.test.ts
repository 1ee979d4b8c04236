import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { kvsKeys } from '../../src/storage/kvs';
import { startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
let r: ResolverMap;
before(async () => {
  jira = await startTestJira();
  r = buildResolvers(jira.platform);
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});
const as = (accountId: string) => ({ accountId, projectKey: 'OPS' });

describe('project settings: defaults, admin only, validated, versioned', () => {
  it('a project nobody configured works at once with the documented defaults', async () => {
    const loaded = await r['settings/load']({}, as('acc-dave'));
    assert.ok(loaded.ok, JSON.stringify(loaded));
    const s = loaded.data.settings;
    assert.equal(loaded.data.version, 0);
    assert.deepEqual(s.dueTargets, { P1: 15, P2: 30, P3: 'sprint' });
    assert.equal(s.kanbanDays, 60);
    assert.equal(s.holdDays, 30);
    assert.equal(s.reminderCadence, 'weekly');
    assert.equal(s.slippedPolicy, 'move');
    assert.equal(s.boardId, null);
    assert.equal(s.mayCreateSprint, true);
    assert.deepEqual(loaded.data.boards, [{ id: 1, name: 'OPS board', type: 'scrum' }]);
    assert.equal(loaded.data.canEdit, false, 'a read-only stakeholder sees them read-only');
  });

  it('a non-admin cannot change settings (Jira says who administers the project), and nothing is stored', async () => {
    const loaded = await r['settings/load']({}, as('acc-bob'));
    assert.ok(loaded.ok);
    const attempt = await r['settings/save'](
      { settings: { ...loaded.data.settings, reminderCadence: 'off' }, baseVersion: 0 },
      as('acc-bob'),
    );
    assert.equal(attempt.ok ? '' : attempt.error.code, 'FORBIDDEN');
    assert.equal(await jira.kvs.get(kvsKeys.projectSettings('OPS')), undefined);
    const calls = jira.emulator.calls.filter((c) => c.path.startsWith('/rest/api/3/mypermissions'));
    assert.ok(calls.some((c) => c.accountId === 'acc-bob' && /ADMINISTER_PROJECTS/.test(c.path)));
  });

  it('refuses invalid values with the reason', async () => {
    const loaded = await r['settings/load']({}, as('acc-alice'));
    assert.ok(loaded.ok);
    const zeroDays = await r['settings/save'](
      { settings: { ...loaded.data.settings, dueTargets: { P1: 0, P2: 30, P3: 'sprint' } }, baseVersion: 0 },
      as('acc-alice'),
    );
    assert.equal(zeroDays.ok ? '' : zeroDays.error.code, 'VALIDATION');
    assert.match(zeroDays.ok ? '' : (zeroDays.error.details ?? []).join(' '), /dueTargets\.P1/);
    const foreignBoard = await r['settings/save'](
      { settings: { ...loaded.data.settings, boardId: 999 }, baseVersion: 0 },
      as('acc-alice'),
    );
    assert.equal(foreignBoard.ok ? '' : foreignBoard.error.code, 'VALIDATION');
    assert.match(foreignBoard.ok ? '' : (foreignBoard.error.details ?? []).join(' '), /Board 999/);
  });

  it('never overwrites silently: a save based on an older version is refused with what changed', async () => {
    const a = await r['settings/load']({}, as('acc-alice'));
    assert.ok(a.ok);
    const first = await r['settings/save'](
      { settings: { ...a.data.settings, holdDays: 45 }, baseVersion: a.data.version },
      as('acc-alice'),
    );
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.data.version, a.data.version + 1);
    // A second admin tab still holds the version it loaded.
    const stale = await r['settings/save'](
      { settings: { ...a.data.settings, reminderCadence: 'once' }, baseVersion: a.data.version },
      as('acc-alice'),
    );
    assert.equal(stale.ok ? '' : stale.error.code, 'CONFLICT');
    const details = stale.ok ? [] : (stale.error.details ?? []);
    assert.ok(details.some((d) => /holdDays/.test(d)) && details.some((d) => /reminderCadence/.test(d)));
    const now = await r['settings/load']({}, as('acc-dave'));
    assert.ok(now.ok);
    assert.equal(now.data.settings.holdDays, 45);
    assert.equal(now.data.settings.reminderCadence, 'weekly', 'the stale save changed nothing');
    assert.equal(now.data.updatedBy, 'acc-alice');
  });

  it('reads settings stored before versioning as version 0, with defaults for the new fields', async () => {
    await jira.kvs.set(kvsKeys.projectSettings('OPS'), {
      categories: ['Deploy'],
      ticketIssueType: 'Bug',
      priorityMap: { P1: 'Highest', P2: 'High', P3: 'Medium' },
    });
    const loaded = await r['settings/load']({}, as('acc-alice'));
    assert.ok(loaded.ok);
    assert.equal(loaded.data.version, 0);
    assert.deepEqual(loaded.data.settings.categories, ['Deploy']);
    assert.equal(loaded.data.settings.kanbanDays, 60);
  });
});
