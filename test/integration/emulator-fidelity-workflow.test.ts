import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { raw } from '../support/jira';
import { fidelityWorld } from '../support/fidelity';

/*
 * The emulator answers as Jira Cloud does where the app depends on it. Each test names its source; wording in
 * quotes is Jira's own (forge-and-jira-facts.md "Jira answers that matter for tests" and the pages cited).
 */
const f = fidelityWorld();
const { as, search, keys, messages, addIssue } = f;

describe('workflow: transitions, resolution and resolution date', () => {
  type Transition = { id: string; name: string; to: { id: string; name: string } };
  const transitions = async (key: string) =>
    (
      (await raw(f.jira().emulator, 'GET', `/rest/api/3/issue/${key}/transitions`, as('acc-bob'))).json as {
        transitions: Transition[];
      }
    ).transitions;
  const move = (key: string, id: string, who = 'acc-bob') =>
    raw(f.jira().emulator, 'POST', `/rest/api/3/issue/${key}/transitions`, {
      ...as(who),
      body: { transition: { id } },
    });
  const fields = async (key: string) =>
    (
      (
        await raw(
          f.jira().emulator,
          'GET',
          `/rest/api/3/issue/${key}?fields=status,resolution,resolutiondate`,
          as('acc-bob'),
        )
      ).json as {
        fields: { status: { name: string }; resolution: { name: string } | null; resolutiondate: string | null };
      }
    ).fields;

  it('has transition ids of their own and only the moves the workflow allows', async () => {
    const issue = addIssue({ statusId: '10000', resolutiondate: null, resolutionId: null });
    const fromTodo = await transitions(issue.key);
    assert.ok(fromTodo.length > 0);
    assert.ok(
      fromTodo.every((t) => t.id !== t.to.id),
      'a transition id is not the target status id',
    );
    assert.ok(!fromTodo.some((t) => t.to.name === 'To Do'), 'no move to the current status');
    const done = fromTodo.find((t) => t.to.name === 'Done');
    assert.ok(done);
    assert.equal((await move(issue.key, done.id)).status, 204);
    const afterDone = await fields(issue.key);
    assert.equal(afterDone.resolution?.name, 'Done');
    assert.ok(afterDone.resolutiondate);
    // From Done only reopening is allowed: Jira answers 400 for any other transition.
    const fromDone = await transitions(issue.key);
    assert.deepEqual(
      fromDone.map((t) => t.to.name),
      ['To Do'],
    );
    const refused = await move(issue.key, done.id);
    assert.equal(refused.status, 400);
    assert.deepEqual(messages(refused), [`Transition id '${done.id}' is not valid for this issue.`]);
    assert.equal((await move(issue.key, fromDone[0]?.id ?? '')).status, 204);
    const reopened = await fields(issue.key);
    assert.equal(reopened.resolution, null);
    assert.equal(reopened.resolutiondate, null);
  });
  it('a Done-category status whose transition sets no resolution leaves `resolved` empty', async () => {
    const issue = addIssue({ statusId: '10001', resolutiondate: null, resolutionId: null });
    const close = (await transitions(issue.key)).find((t) => t.to.name === 'Closed');
    assert.ok(close);
    assert.equal((await move(issue.key, close.id)).status, 204);
    const f = await fields(issue.key);
    assert.equal(f.resolution, null);
    assert.equal(f.resolutiondate, null);
    assert.deepEqual(
      keys(
        await search(`key = ${issue.key} AND statusCategory = Done AND resolution = Unresolved AND resolved IS EMPTY`),
      ),
      [issue.key],
    );
  });
});

describe('refusals as Jira answers them (never a 500 where the spec lists 400/404)', () => {
  it("404 in Jira's words for an issue the user cannot see", async () => {
    const r = await raw(f.jira().emulator, 'GET', '/rest/api/3/issue/OPS-1', as('acc-erin'));
    assert.equal(r.status, 404);
    assert.deepEqual(messages(r), ['Issue does not exist or you do not have permission to see it.']);
    assert.equal((await raw(f.jira().emulator, 'GET', '/rest/api/3/issue/OPS-999999', as('acc-bob'))).status, 404);
  });
  it('a read-only user: transition 400, link 404, link type 404, property delete 404, comment 400', async () => {
    const issue = addIssue({ statusId: '10000' });
    const other = addIssue({});
    issue.properties.note = { a: 1 };
    f.jira().emulator.store.putIssue(issue);
    const dave = as('acc-dave');
    const transition = await raw(f.jira().emulator, 'POST', `/rest/api/3/issue/${issue.key}/transitions`, {
      ...dave,
      body: { transition: { id: '21' } },
    });
    assert.equal(transition.status, 400);
    const link = await raw(f.jira().emulator, 'POST', '/rest/api/3/issueLink', {
      ...dave,
      body: { type: { name: 'Relates' }, inwardIssue: { key: issue.key }, outwardIssue: { key: other.key } },
    });
    assert.equal(link.status, 404);
    const linkType = await raw(f.jira().emulator, 'POST', '/rest/api/3/issueLinkType', {
      ...dave,
      body: { name: 'Causes', inward: 'is caused by', outward: 'causes' },
    });
    assert.equal(linkType.status, 404);
    const del = await raw(f.jira().emulator, 'DELETE', `/rest/api/3/issue/${issue.key}/properties/note`, dave);
    assert.equal(del.status, 404);
    assert.deepEqual(f.jira().emulator.store.issuesByKey.get(issue.key)?.properties.note, { a: 1 });
    const comment = {
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] },
    };
    assert.equal(
      (await raw(f.jira().emulator, 'POST', `/rest/api/3/issue/${issue.key}/comment`, { ...dave, body: comment }))
        .status,
      400,
    );
    assert.equal(
      (
        await raw(f.jira().emulator, 'POST', `/rest/api/3/issue/${issue.key}/comment`, {
          ...as('acc-bob'),
          body: comment,
        })
      ).status,
      201,
    );
    const perms = await raw(
      f.jira().emulator,
      'GET',
      '/rest/api/3/mypermissions?projectKey=OPS&permissions=ADD_COMMENTS',
      dave,
    );
    assert.equal(
      (perms.json as { permissions: { ADD_COMMENTS: { havePermission: boolean } } }).permissions.ADD_COMMENTS
        .havePermission,
      false,
    );
    assert.deepEqual(f.jira().emulator.drift, []);
  });
  it('a known field that is not on the screen is refused, not dropped', async () => {
    const r = await raw(f.jira().emulator, 'POST', '/rest/api/3/issue', {
      ...as('acc-bob'),
      body: {
        fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'x', resolution: { name: 'Done' } },
      },
    });
    assert.equal(r.status, 400);
    assert.deepEqual((r.json as { errors: Record<string, string> }).errors, {
      resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });
  it('sprint dates are normalised to ISO instants; property values are limited to 32,768 bytes, not characters', async () => {
    const sprint = await raw(f.jira().emulator, 'POST', '/rest/agile/1.0/sprint', {
      ...as('acc-alice'),
      body: { name: 'Normalised', originBoardId: 1, startDate: '2026-12-01T10:00:00+01:00', endDate: '2026-12-15' },
    });
    assert.equal(sprint.status, 201);
    const s = sprint.json as { startDate: string; endDate: string };
    assert.equal(s.startDate, '2026-12-01T09:00:00.000Z');
    assert.equal(s.endDate, '2026-12-15T00:00:00.000Z');
    const issue = addIssue({});
    const wide = 'é'.repeat(16_400); // 16,402 characters of JSON, 32,802 bytes
    const put = await raw(f.jira().emulator, 'PUT', `/rest/api/3/issue/${issue.key}/properties/wide`, {
      ...as('acc-bob'),
      body: JSON.stringify(wide),
    });
    assert.equal(put.status, 400);
    const fits = await raw(f.jira().emulator, 'PUT', `/rest/api/3/issue/${issue.key}/properties/wide`, {
      ...as('acc-bob'),
      body: JSON.stringify('é'.repeat(16_300)),
    });
    assert.equal(fits.status, 201);
  });
});
