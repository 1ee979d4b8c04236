import fs from 'node:fs';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { bundleApp } from './bundle';
import { deployLint } from './lint';
import { consoleLogger, useLocalSpecs } from './offline';

/**
 * `npm run check:deploy`: offline, what `forge deploy` checks before it uploads. The manifest against Forge's
 * schema, src/ bundled by @forge/bundler with every manifest handler exported, and the deploy-time @forge/lint
 * reading every .ts file under src/ with 0 errors (a missing scope is an error).
 * `--app DIR` checks another copy of the app (tests use temp copies); `--only bundle|lint|manifest` one part.
 */
async function main(): Promise<number> {
  const appDir = path.resolve(argValue('--app') ?? path.join(__dirname, '..', '..'));
  const only = argValue('--only');
  const logger = consoleLogger();
  process.chdir(appDir);
  const failures: string[] = [];

  if (!only || only === 'manifest') {
    const manifest = await validate(false);
    if (manifest.success) console.log('manifest.yml: valid (@forge/manifest)');
    for (const e of manifest.errors ?? []) failures.push(`manifest.yml:${e.line ?? '?'}: ${e.message}`);
    if (!manifest.success) failures.push('manifest.yml is not valid (is the UI built? run `npm run build:ui`)');
  }

  if (!only || only === 'lint') {
    const missing = useLocalSpecs();
    if (missing) return fail([missing]);
  }
  // The bundle and the lint are independent: run them side by side (webpack waits on I/O a good part of the time).
  const [bundle, lint] = await Promise.all([
    !only || only === 'bundle' ? bundleApp(appDir, logger).catch((e: unknown) => errorText(e)) : null,
    !only || only === 'lint' ? deployLint(appDir, logger).catch((e: unknown) => errorText(e)) : null,
  ]);

  if (typeof bundle === 'string') failures.push(`@forge/bundler failed:\n${bundle}`);
  else if (bundle) {
    for (const h of bundle.handlers.filter((x) => !x.exported))
      failures.push(`manifest handler ${h.module}.${h.func}: src/${h.module} does not export a function ${h.func}`);
    console.log(
      `bundle (@forge/bundler, node18, [name].cjs): ${bundle.tsFiles} .ts files, ` +
        `${bundle.handlers.filter((x) => x.exported).length}/${bundle.handlers.length} manifest handlers exported`,
    );
    fs.rmSync(bundle.outputDir, { recursive: true, force: true });
  }

  if (typeof lint === 'string') failures.push(`@forge/lint failed:\n${lint}`);
  else if (lint) {
    console.log(
      `deploy lint (@forge/lint as forge deploy runs it): read ${lint.tsRead.length} of ${lint.tsFiles.length} ` +
        `.ts files under src/, ${lint.errors} errors, ${lint.warnings} warnings`,
    );
    if (lint.tsFiles.length === 0) failures.push('no .ts files found under src/');
    const skipped = lint.tsFiles.filter((f) => !lint.tsRead.includes(f));
    if (skipped.length)
      failures.push(
        `the deploy lint skipped ${skipped.length} .ts files (e.g. ${skipped[0]}): tsconfig.json "include" must list them with globs such as "src/**/*.ts"`,
      );
    if (lint.errors > 0) failures.push(`the deploy lint found ${lint.errors} errors (see above)`);
  }
  return failures.length ? fail(failures) : 0;
}

function fail(messages: string[]): number {
  for (const m of messages) console.error(`check:deploy: ${m}`);
  return 1;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
