import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { eagerJsGzipBytes } from '../../dev/bench/bundles';
import { e2eSuite, openApp } from '../support/e2e';

const e2e = e2eSuite();
const ROOT = path.join(__dirname, '..', '..');
const BUDGET_KB = 250;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * What opening each resource costs in JavaScript, gzipped, measured two ways: from the build (what index.html loads
 * and imports statically: the bench's "bundles" figure) and from what Chromium fetched until the app was ready
 * (which also counts chunks imported at once on open, such as the theme's tokens).
 */
describe(`JavaScript fetched on open stays within ${BUDGET_KB} KB gzipped`, () => {
  for (const resource of ['panel', 'page'] as const) {
    it(`the ${resource}`, async () => {
      const build = path.join(ROOT, 'static', resource, 'build');
      const fetched = new Set<string>();
      const { page } = await openApp(e2e, resource === 'panel' ? { issue: 'OPS-1' } : { project: 'OPS' }, {
        as: 'acc-bob',
        ready: resource === 'panel' ? '[data-testid="editor"]' : '[data-testid="details"]',
        beforeOpen: (p) =>
          p.on('response', (r) => {
            const { pathname } = new URL(r.url());
            const prefix = `/resources/${resource}/`;
            if (pathname.startsWith(prefix) && pathname.endsWith('.js')) fetched.add(pathname.slice(prefix.length));
          }),
      });
      await page.close();
      const onOpen = [...fetched].reduce((n, f) => n + gzipSync(fs.readFileSync(path.join(build, f))).length, 0);
      const eager = eagerJsGzipBytes(build);
      console.log(`${resource}: ${kb(eager.bytes)} KB from the build, ${kb(onOpen)} KB fetched on open`);
      assert.ok(fetched.size >= eager.files.length, 'the browser fetched at least what the build loads eagerly');
      assert.ok(kb(eager.bytes) <= BUDGET_KB, `${resource}: ${kb(eager.bytes)} KB gzipped from the build`);
      assert.ok(kb(onOpen) <= BUDGET_KB, `${resource}: ${kb(onOpen)} KB gzipped fetched on open`);
    });
  }
});
