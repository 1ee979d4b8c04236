import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { z } from 'zod';
import { NO_BROWSER_HELP, findChromium } from '../../dev/chromium';

const Violation = z.object({
  directive: z.string(),
  blocked: z.string(),
  source: z.string(),
  line: z.number(),
  sample: z.string(),
});
export type CspViolation = z.infer<typeof Violation> & { frame: string };
const violations: CspViolation[] = [];
/** The same violations as Chromium logs them to the console: a second channel, because a binding call can be lost. */
const logged: CspViolation[] = [];

/**
 * Every `securitypolicyviolation` in every frame (the Custom UI iframes run under Forge's CSP, see
 * dev/harness/csp.ts), reported through a binding that Playwright installs in each frame before any page script.
 */
const LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  const report = window.__pmCspViolation;
  if (typeof report === 'function')
    report({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
});`;

async function watchCsp(target: BrowserContext): Promise<void> {
  await target.exposeBinding('__pmCspViolation', (source, v: unknown) => {
    violations.push({ ...Violation.parse(v), frame: source.frame.url() });
  });
  await target.addInitScript({ content: LISTENER });
  target.on('console', (m) => {
    const text = m.text();
    if (m.type() !== 'error' || !/violates the following Content Security Policy directive/.test(text)) return;
    const { url, lineNumber } = m.location();
    // "... violates the following Content Security Policy directive 'script-src 'self' ...'" (older: directive: "...")
    const directive = /directive:? ['"]([^'"]*)/.exec(text)?.[1] ?? text;
    logged.push({ directive, blocked: '', source: url, line: lineNumber, sample: text.slice(0, 200), frame: url });
  });
}

/** The CSP violations seen since the last call (browser tests assert there are none after each test). */
export function takeCspViolations(): CspViolation[] {
  const reported = violations.splice(0, violations.length);
  const fromConsole = logged.splice(0, logged.length);
  // Normally both channels saw each violation: the binding's reports are the detailed ones.
  return reported.length >= fromConsole.length ? reported : fromConsole;
}

/** Waits (up to 10 s) until a violation has been reported, then takes them all: the report arrives asynchronously. */
export async function awaitCspViolations(): Promise<CspViolation[]> {
  // The binding's detailed report is awaited first; the console's alone counts when the binding call was lost.
  for (let i = 0; i < 200 && violations.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  return takeCspViolations();
}

/**
 * The distribution's Chromium (dev/chromium.ts finds it), headless, with the flags this sandbox needs; nothing
 * downloads a browser. Every page and context it opens reports CSP violations (takeCspViolations).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_BROWSER_HELP);
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  // browser.newPage() opens its page in a new context through newContext, so this covers both.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchCsp(context);
    return context;
  };
  return browser;
}
