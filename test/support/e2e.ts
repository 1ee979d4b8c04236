import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium, takeCspViolations } from './browser';
import { startDemo } from './demo';

export type Demo = Awaited<ReturnType<typeof startDemo>>;
export const SHOTS = path.join(__dirname, '..', '..', 'test-results');
/** Jira's issue view gives a panel about this much room. */
export const PANEL_WIDTH = 760;

export interface E2E {
  readonly demo: Demo;
  readonly browser: Browser;
  /** A harness address: `url('/jira/issue/OPS-1?as=acc-bob')`. */
  url(pathAndQuery: string): string;
}

const pageErrors: string[] = [];

/**
 * The set-up every browser test file shares, registered on the file's root suite: the demo as `npm start` serves it
 * (seeded emulator + harness, in memory), Chromium, and after each test two guards: no violation of Forge's CSP in
 * any frame (dev/harness/csp.ts) and no uncaught error in a page opened with openApp. `setup` runs after the demo
 * starts (extra seed data); `cspGuard: false` is for the test that provokes a violation on purpose.
 */
export function e2eSuite(opts: { setup?: (demo: Demo) => Promise<void>; cspGuard?: boolean } = {}): E2E {
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    demo = await startDemo();
    await opts.setup?.(demo);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });
  afterEach(() => {
    if (opts.cspGuard !== false) {
      assert.deepEqual(takeCspViolations(), [], 'no CSP violation in any frame');
      assert.deepEqual(demo?.harness.takeCspReports() ?? [], [], 'no CSP violation reported to the harness');
    }
    assert.deepEqual(pageErrors.splice(0, pageErrors.length), [], 'no uncaught error in the pages');
  });
  return {
    get demo() {
      return demo ?? assert.fail('the demo starts in before()');
    },
    get browser() {
      return browser ?? assert.fail('Chromium starts in before()');
    },
    url: (p) => `${demo?.harness.url ?? assert.fail('no demo')}${p}`,
  };
}

/** The app's iframe in a host page (panel or page). */
export async function appFrame(page: Page, resource: 'panel' | 'page'): Promise<Frame> {
  await page.waitForSelector(`[data-testid="app-frame-${resource}"]`);
  return page.frames().find((f) => f.url().includes(`/resources/${resource}/`)) ?? assert.fail(`no ${resource} frame`);
}

export interface OpenOptions {
  as: string;
  theme?: 'light' | 'dark';
  width?: number;
  height?: number;
  /** A context of the test's own (time zone, ...); else a new page in its own context. */
  context?: BrowserContext;
  /** A selector in the app frame that says the app is ready. */
  ready?: string;
  /** Called with the page before it navigates (to watch its requests). */
  beforeOpen?: (page: Page) => void;
}

/** Opens an incident's panel or a project's page as someone, in a theme, and waits until the app is ready. */
export async function openApp(
  e2e: E2E,
  target: { issue: string } | { project: string },
  o: OpenOptions,
): Promise<{ page: Page; frame: Frame }> {
  const theme = o.theme ?? 'light';
  const viewport = { width: o.width ?? 1280, height: o.height ?? 1000 };
  const page = o.context ? await o.context.newPage() : await e2e.browser.newPage({ viewport });
  if (o.context) await page.setViewportSize(viewport);
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  o.beforeOpen?.(page);
  const resource = 'issue' in target ? 'panel' : 'page';
  const where = 'issue' in target ? `/jira/issue/${target.issue}` : `/jira/project/${target.project}/page`;
  await page.goto(e2e.url(`${where}?as=${o.as}&theme=${theme}`));
  const frame = await appFrame(page, resource);
  await frame.waitForSelector(o.ready ?? (resource === 'panel' ? '[data-testid="editor"]' : '#root > *'));
  assert.equal(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode')), theme);
  return { page, frame };
}

/**
 * A screenshot in test-results/, once the host has sized the frame to its content: the full page, or what the
 * viewport shows (to see the host's flags where they are drawn, over the page).
 */
export async function screenshot(page: Page, name: string, o: { fullPage?: boolean } = {}): Promise<void> {
  await page.waitForTimeout(350); // the host's resizer runs every 300 ms
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: o.fullPage ?? true });
}

/**
 * The flag the app asked Jira for (showFlag), as the host page shows it outside the app's frame: waits for the
 * newest flag with this exact title and returns its type and description.
 */
export async function hostFlag(page: Page, title: string): Promise<{ type: string; description: string }> {
  const flag = page
    .locator('[data-testid="host-flags"] [data-testid="host-flag"]')
    .filter({ has: page.getByTestId('host-flag-title').getByText(title, { exact: true }) })
    .first();
  await flag.waitFor();
  return {
    type: (await flag.getAttribute('data-flag-type')) ?? '',
    description: (await flag.getByTestId('host-flag-description').count())
      ? await flag.getByTestId('host-flag-description').innerText()
      : '',
  };
}

/** The titles of the flags the host page shows now, newest first. */
export const flagTitles = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="host-flags"] [data-testid="host-flag-title"]').allInnerTexts();
