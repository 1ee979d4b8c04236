import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSpec } from '../../dev/emulator/spec/spec-dir';

describe("Atlassian's specs", () => {
  it('are required: a missing JIRA_OPENAPI_DIR stops the emulator loudly', () => {
    const before = process.env.JIRA_OPENAPI_DIR;
    process.env.JIRA_OPENAPI_DIR = '/nonexistent/specs';
    try {
      assert.throws(() => readSpec('platform'), /Jira OpenAPI spec not found: \/nonexistent\/specs\/jira-platform\.openapi\.json[\s\S]*Set JIRA_OPENAPI_DIR/);
    } finally {
      if (before === undefined) delete process.env.JIRA_OPENAPI_DIR; else process.env.JIRA_OPENAPI_DIR = before;
    }
  });
});
