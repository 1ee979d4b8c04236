import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { z } from 'zod';
import { SCHEDULED_MARGIN_MS, SCHEDULED_TIMEOUT_SECONDS } from '../../src/triggers/scheduled';

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
  it('gives each function used only by scheduled triggers the timeout its job budget assumes', () => {
    const users = (fn: string) =>
      Object.entries(manifest.modules).flatMap(([type, mods]) =>
        mods
          .filter(
            (m) => m.function === fn || z.object({ function: z.string() }).safeParse(m.resolver).data?.function === fn,
          )
          .map(() => type),
      );
    const scheduled = (manifest.modules.scheduledTrigger ?? []).map((t) => z.string().parse(t.function));
    assert.ok(scheduled.length > 0);
    for (const fn of scheduled) {
      assert.deepEqual(new Set(users(fn)), new Set(['scheduledTrigger']), `${fn} is used only by scheduled triggers`);
      const def = (manifest.modules.function ?? []).find((f) => f.key === fn);
      assert.equal(def?.timeoutSeconds, SCHEDULED_TIMEOUT_SECONDS, `${fn} has timeoutSeconds`);
    }
    assert.ok(SCHEDULED_MARGIN_MS < SCHEDULED_TIMEOUT_SECONDS * 1000);
  });
  it('filters the issue-update trigger: not the app’s own updates, only action tickets', () => {
    const update = (manifest.modules.trigger ?? []).find((t) =>
      z.array(z.string()).parse(t.events).includes('avi:jira:updated:issue'),
    );
    const filter = z.object({ ignoreSelf: z.literal(true), expression: z.string() }).parse(update?.filter);
    assert.match(filter.expression, /postmortem-action/);
    const install = (manifest.modules.trigger ?? []).find((t) => t.key === 'install-trigger');
    assert.deepEqual(install?.events, ['avi:forge:installed:app', 'avi:forge:upgraded:app']);
  });
});
