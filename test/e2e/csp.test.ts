import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, takeCspViolations } from '../support/browser';
import { startDemo } from '../support/demo';

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
before(async () => {
  demo = await startDemo();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

describe("Forge's default Custom UI CSP in the harness", () => {
  it('serves each resource page with the policy @forge/csp builds: no eval, inline styles as the manifest declares', async () => {
    for (const resource of ['panel', 'page']) {
      const res = await fetch(`${demo.harness.url}/resources/${resource}/`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
      assert.match(directive('script-src'), /^script-src 'self' /);
      assert.doesNotMatch(csp, /unsafe-eval/);
      assert.match(directive('style-src'), /'unsafe-inline'/);
      assert.match(directive('sandbox'), /allow-scripts/);
    }
  });

  it('reports a violation in the app frame, so the browser tests can fail on one', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.harness.url}/jira/issue/OPS-1?as=acc-bob`);
    await page.waitForSelector('[data-testid="app-frame-panel"]');
    const frame = page.frames().find((f) => f.url().includes('/resources/panel/'));
    assert.ok(frame);
    await frame.waitForSelector('#root');
    await frame.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
    });
    await frame.waitForFunction(() => true);
    await page.waitForTimeout(200);
    const seen = takeCspViolations();
    assert.equal(seen.length, 1, JSON.stringify(seen));
    assert.match(seen[0]?.directive ?? '', /^script-src/);
    assert.match(seen[0]?.frame ?? '', /\/resources\/panel\//);
    assert.equal(
      await frame.evaluate(() => Reflect.get(window, 'inlineRan')),
      undefined,
      'the inline script did not run',
    );
    await page.close();
  });
});
