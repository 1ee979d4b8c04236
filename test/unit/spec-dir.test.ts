import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSpec } from '../../dev/emulator/spec/spec-dir';

describe("Atlassian's specs", () => {
  it('are required: a missing JIRA_OPENAPI_DIR stops the emulator loudly', () => {
    const before = process.env.JIRA_OPENAPI_DIR;
    process.env.JIRA_OPENAPI_DIR = '/nonexistent/specs';
    try {
      assert.throws(
        () => readSpec('platform'),
        /Jira OpenAPI spec not found: \/nonexistent\/specs\/jira-platform\.openapi\.json[\s\S]*Set JIRA_OPENAPI_DIR/,
      );
    } finally {
      if (before === undefined) delete process.env.JIRA_OPENAPI_DIR;
      else process.env.JIRA_OPENAPI_DIR = before;
    }
  });
});

describe('response drift', () => {
  it('is caught: a body that breaks the spec is reported, a valid one is not', async () => {
    const { OpenApiIndex } = await import('../../dev/emulator/spec/openapi');
    const idx = new OpenApiIndex();
    const m = idx.match('POST', '/rest/api/3/search/approximate-count');
    assert.ok(m);
    assert.deepEqual(idx.validateResponse(m.op, 200, { count: 3 }), []);
    assert.ok(idx.validateResponse(m.op, 200, { count: 'three' }).length > 0);
    assert.ok(idx.validateResponse(m.op, 200, { count: 3, total: 3 }).some((e) => /total/.test(e)));
    assert.match(idx.validateResponse(m.op, 418, {}).join(), /not a documented response/);
  });
});
