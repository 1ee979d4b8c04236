import { launchChromium } from '../test/support/browser';

/** `tsx dev/screenshot.ts URL out.png [frameTestId]`: a look at a page as a person would see it. */
async function main() {
  const [url, out] = process.argv.slice(2);
  if (!url || !out) throw new Error('usage: screenshot URL OUT.png');
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('console:', m.text());
  });
  await page.goto(url);
  await page.waitForTimeout(Number(process.env.WAIT_MS ?? 2500));
  await page.screenshot({ path: out, fullPage: true });
  await browser.close();
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
