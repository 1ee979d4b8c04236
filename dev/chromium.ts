import fs from 'node:fs';
import path from 'node:path';

/** The names distributions install Chromium (or Chrome) under, most likely first. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

export const NO_BROWSER_HELP =
  'The browser tests need Chromium and none was found (looked for CHROMIUM_PATH, then ' +
  `${CHROMIUM_NAMES.join(', ')} on PATH and in /usr/bin). Install it (Debian/Ubuntu: \`apt-get install chromium\`) ` +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Where Chromium is: CHROMIUM_PATH when set (and then only there, so a wrong setting is reported rather than
 * silently replaced), else the first of CHROMIUM_NAMES on PATH or in /usr/bin. Null when there is none.
 * `.ci/run` looks the same way (command -v over the same names).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, fallbackDirs = ['/usr/bin']): string | null {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...fallbackDirs];
  for (const name of CHROMIUM_NAMES)
    for (const dir of dirs) if (executable(path.join(dir, name))) return path.join(dir, name);
  return null;
}
