import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { z } from 'zod';

const root = path.join(__dirname, '..', '..');
const Manifest = z.object({
  modules: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  permissions: z.object({ scopes: z.array(z.string()), external: z.unknown().optional() }).passthrough(),
  app: z.object({ runtime: z.object({ name: z.string() }) }).passthrough(),
});
const manifest = Manifest.parse(parse(fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8')));

describe('manifest.yml', () => {
  it('runs on nodejs22.x, with an issue panel on Incidents, a project page and no external hosts', () => {
    assert.equal(manifest.app.runtime.name, 'nodejs22.x');
    assert.deepEqual(manifest.modules['jira:issuePanel']?.[0]?.displayConditions, { issueType: 'Incident' });
    assert.equal(manifest.modules['jira:projectPage']?.length, 1);
    assert.equal(manifest.permissions.external, undefined);
  });
  it('indexes fewer than 30 values app-wide', () => {
    const values = (manifest.modules['jira:entityProperty'] ?? []).flatMap((m) => z.array(z.unknown()).parse(m.values));
    assert.ok(values.length > 0 && values.length < 30, `${values.length} indexed values`);
  });
  it('fails the offline forge lint for a route whose scope is not declared (the check can fail)', () => {
    let output = '';
    let code = 0;
    try {
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(root, 'dev', 'forge-lint.ts'),
          '--files=test/fixtures/forge-lint-missing-scope.ts',
        ],
        { cwd: root, encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (e) {
      const err = z.object({ status: z.number(), stdout: z.string() }).parse(e);
      code = err.status;
      output = err.stdout;
    }
    assert.equal(code, 1);
    assert.match(output, /DELETE \/rest\/api\/3\/component\/\{id\} requires "manage:jira-project" scope/);
  });
});
