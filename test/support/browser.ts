import { chromium, type Browser } from 'playwright-core';
import { NO_BROWSER_HELP, findChromium } from '../../dev/chromium';

/** The distribution's Chromium (dev/chromium.ts finds it), headless, with the flags this sandbox needs; nothing downloads a browser. */
export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) return Promise.reject(new Error(NO_BROWSER_HELP));
  return chromium.launch({
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
}
