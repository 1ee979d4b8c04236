import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { raw, startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
before(async () => {
  jira = await startTestJira();
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, [], 'no response may drift from the spec');
  await jira.close();
});

describe("emulator: held to Atlassian's specs", () => {
  it("refuses a request body that breaks the spec, in Jira's 400 shape", async () => {
    const r = await raw(jira.emulator, 'POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = OPS', maxResults: 10, unknownField: true },
    });
    assert.equal(r.status, 400);
    const body = r.json as { errorMessages: string[]; errors: object };
    assert.match(body.errorMessages.join(' '), /unknownField/);
    assert.deepEqual(body.errors, {});
  });
  it('refuses a wrongly typed field in the software spec (sprint create)', async () => {
    const r = await raw(jira.emulator, 'POST', '/rest/agile/1.0/sprint', {
      body: { name: 'Sprint X', originBoardId: 'one' },
    });
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(r.json), /originBoardId must be integer/);
  });
  it('refuses a malformed query parameter', async () => {
    const r = await raw(jira.emulator, 'GET', '/rest/agile/1.0/board/1/sprint?maxResults=lots');
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(r.json), /maxResults/);
  });
  it('answers 410 Gone for the removed /rest/api/3/search', async () => {
    const r = await raw(jira.emulator, 'GET', '/rest/api/3/search?jql=project%3DOPS');
    assert.equal(r.status, 410);
    assert.match(JSON.stringify(r.json), /search\/jql/);
  });
  it('answers 404 for a path that is not in the spec, and 401 without a user', async () => {
    assert.equal((await raw(jira.emulator, 'GET', '/rest/api/3/not-an-endpoint')).status, 404);
    assert.equal((await raw(jira.emulator, 'GET', '/rest/api/3/myself', { as: 'nobody' })).status, 401);
  });
  it('writes the sprint field as a bare integer and reads it back as sprints', async () => {
    const fields = (await raw(jira.emulator, 'GET', '/rest/api/3/field')).json as {
      id: string;
      schema?: { custom?: string };
    }[];
    const sprintField = fields.find((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint')?.id ?? '';
    assert.notEqual(sprintField, 'customfield_10020');
    const sprints = (await raw(jira.emulator, 'GET', '/rest/agile/1.0/board/1/sprint?state=future')).json as {
      values: { id: number }[];
    };
    const next = sprints.values[0]?.id ?? 0;
    const bad = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      body: {
        fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'x', [sprintField]: { id: next } },
      },
    });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.json), /Number value expected as the Sprint id/);
    const created = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      body: {
        fields: {
          project: { key: 'OPS' },
          issuetype: { name: 'Task' },
          summary: 'Add canary deploys',
          [sprintField]: next,
        },
      },
    });
    assert.equal(created.status, 201);
    const key = (created.json as { key: string }).key;
    const got = await raw(jira.emulator, 'GET', `/rest/api/3/issue/${key}?fields=${sprintField}`);
    const value = (got.json as { fields: Record<string, { id: number; state: string }[]> }).fields[sprintField];
    assert.deepEqual(
      value?.map((s) => [s.id, s.state]),
      [[next, 'future']],
    );
  });
  it("checks Atlassian Document Format with Atlassian's validator", async () => {
    const bad = await raw(jira.emulator, 'POST', '/rest/api/3/issue/OPS-1/comment', {
      body: {
        body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] },
      },
    });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.json), /valid Atlassian Document/);
    const plain = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      body: {
        fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'x', description: 'plain text' },
      },
    });
    assert.equal(plain.status, 400);
    const good = await raw(jira.emulator, 'POST', '/rest/api/3/issue/OPS-1/comment', {
      body: {
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ok', marks: [{ type: 'strong' }] }] }],
        },
      },
    });
    assert.equal(good.status, 201);
  });

  it('keeps issue properties, refusing values over 32 KB', async () => {
    const put = await raw(jira.emulator, 'PUT', '/rest/api/3/issue/OPS-1/properties/scratch', { body: { a: 1 } });
    assert.equal(put.status, 201);
    assert.deepEqual((await raw(jira.emulator, 'GET', '/rest/api/3/issue/OPS-1/properties/scratch')).json, {
      key: 'scratch',
      value: { a: 1 },
    });
    const big = await raw(jira.emulator, 'PUT', '/rest/api/3/issue/OPS-1/properties/scratch', {
      body: { s: 'x'.repeat(33_000) },
    });
    assert.equal(big.status, 400);
    assert.match(JSON.stringify(big.json), /32768 bytes/);
  });
  it('moves issues between status categories with transitions, setting the resolution date', async () => {
    type Transitions = { transitions: { id: string; to: { statusCategory: { key: string } } }[] };
    const transitionTo = async (category: string) => {
      const t = (await raw(jira.emulator, 'GET', '/rest/api/3/issue/OPS-2/transitions')).json as Transitions;
      const target = t.transitions.find((x) => x.to.statusCategory.key === category);
      if (target)
        assert.equal(
          (
            await raw(jira.emulator, 'POST', '/rest/api/3/issue/OPS-2/transitions', {
              body: { transition: { id: target.id } },
            })
          ).status,
          204,
        );
    };
    await transitionTo('new');
    let issue = (await raw(jira.emulator, 'GET', '/rest/api/3/issue/OPS-2?fields=status,resolutiondate')).json as {
      fields: { resolutiondate: string | null; status: { statusCategory: { key: string } } };
    };
    assert.equal(issue.fields.status.statusCategory.key, 'new');
    assert.equal(issue.fields.resolutiondate, null);
    await transitionTo('done');
    issue = (await raw(jira.emulator, 'GET', '/rest/api/3/issue/OPS-2?fields=status,resolutiondate'))
      .json as typeof issue;
    assert.equal(issue.fields.status.statusCategory.key, 'done');
    assert.ok(issue.fields.resolutiondate);
  });
});
