import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { awaitCspViolations } from '../support/browser';
import { appFrame, e2eSuite } from '../support/e2e';

// This file provokes a violation on purpose and checks it itself.
const e2e = e2eSuite({ cspGuard: false });

describe("Forge's default Custom UI CSP in the harness", () => {
  it('serves each resource page with the policy @forge/csp builds: no eval, inline styles as the manifest declares', async () => {
    for (const resource of ['panel', 'page']) {
      const res = await fetch(e2e.url(`/resources/${resource}/`));
      const csp = res.headers.get('content-security-policy') ?? '';
      const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
      assert.match(directive('script-src'), /^script-src 'self' /);
      assert.doesNotMatch(csp, /unsafe-eval/);
      assert.match(directive('style-src'), /'unsafe-inline'/);
      assert.match(directive('sandbox'), /allow-scripts/);
    }
  });

  it('reports a violation in the app frame, so the browser tests can fail on one', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.url('/jira/issue/OPS-1?as=acc-bob'));
    const frame = await appFrame(page, 'panel');
    await frame.waitForSelector('#root');
    await frame.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
    });
    // Two witnesses: the page's own event (or Chromium's console), and the report Chromium posts to report-uri.
    const seen = await awaitCspViolations();
    assert.equal(seen.length, 1, JSON.stringify(seen));
    assert.match(seen[0]?.directive ?? '', /^script-src/);
    let reported = e2e.demo.harness.takeCspReports();
    for (let i = 0; i < 200 && reported.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      reported = e2e.demo.harness.takeCspReports();
    }
    assert.equal(reported.length, 1, JSON.stringify(reported));
    assert.match(reported[0]?.directive ?? '', /^script-src/);
    assert.match(reported[0]?.document ?? '', /\/resources\/panel\//);
    assert.equal(reported[0]?.blocked, 'inline');
    assert.equal(
      await frame.evaluate(() => Reflect.get(window, 'inlineRan')),
      undefined,
      'the inline script did not run',
    );
    await page.close();
  });
});
