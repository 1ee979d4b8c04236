import assert from 'node:assert/strict';
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
});
