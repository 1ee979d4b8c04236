import { NO_BROWSER_HELP, findChromium } from './chromium';

// First step of `npm test`: without a browser the last (browser) stage would fail after minutes of other work.
const found = findChromium();
if (!found) {
  console.error(
    process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.` : '',
  );
  console.error(NO_BROWSER_HELP);
  process.exit(1);
}
