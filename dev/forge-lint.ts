import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lint, problemCount, reportLintResults } from '@forge/lint';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import { SPEC_FILES, specDir } from './emulator/spec/spec-dir';

/**
 * `forge lint` without a login or network: @forge/manifest validates manifest.yml, then @forge/lint checks
 * every file in src/ (scopes for each requestJira route, handlers, resources) against the specs in
 * JIRA_OPENAPI_DIR. Exits non-zero on any error. `--files a.ts,b.ts` lints other files (used by tests).
 */
async function main(): Promise<number> {
  const root = path.join(__dirname, '..');
  process.chdir(root);
  const manifestCheck = await validate(false);
  if (!manifestCheck.success) {
    for (const e of manifestCheck.errors ?? []) console.error(`manifest.yml:${e.line ?? '?'}: ${e.message}`);
    console.error('Manifest validation failed (is the UI built? run `npm run build:ui`).');
    return 1;
  }
  console.log('manifest.yml: valid');

  const dir = specDir();
  for (const f of Object.values(SPEC_FILES)) {
    if (!fs.existsSync(path.join(dir, f))) {
      console.error(`Spec ${f} not found in ${dir}: set JIRA_OPENAPI_DIR.`);
      return 1;
    }
  }
  const stub = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-')), 'empty.json');
  fs.writeFileSync(stub, JSON.stringify({ openapi: '3.0.1', paths: {} }));
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: path.join(dir, SPEC_FILES.platform),
    LOCAL_JSW_SWAGGER: path.join(dir, SPEC_FILES.software),
    LOCAL_JSM_SWAGGER: stub,
    LOCAL_CONF_SWAGGER: stub,
    LOCAL_CONF_V2_SWAGGER: stub,
    LOCAL_BB_SWAGGER: stub,
  });

  const arg = process.argv.find((a) => a.startsWith('--files='));
  // Relative paths: @forge/lint resolves './' + path against tsconfig's includes and silently skips anything else.
  const files = (arg ? arg.slice('--files='.length).split(',') : listTs(path.join(root, 'src'))).map((f) =>
    path.relative(root, path.resolve(root, f)),
  );
  const manifest = parse(fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8'));
  // @forge/lint skips every .ts file not listed one by one in tsconfig's "include" (it compares files to the
  // entries, which here are folders). Lint from a folder without a tsconfig, linking in what it reads.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-app-'));
  for (const entry of ['src', 'test', 'static', 'manifest.yml', 'package.json'])
    fs.symlinkSync(path.join(root, entry), path.join(work, entry));
  process.chdir(work);
  const logger = { info: (msg: string) => console.log(msg) };
  // Offline, the Statsig service is only asked for deprecated runtimes; nothing else of it is used.
  const statsig = { getDeprecatedRuntimes: async () => [] } as unknown as Parameters<typeof lint>[4];
  const results = await lint(files, manifest, 'development', logger, statsig, { linter: { mode: 'client-side' } });
  const linted = results.length > 0 ? new Set(results.map((r) => r.file)).size : 0;
  if (linted === 0 && files.length > 0) {
    console.error('forge lint read no files: check tsconfig includes');
    return 1;
  }
  reportLintResults(logger, results);
  const { errors, warnings } = problemCount(results);
  console.log(`forge lint (offline): ${files.length} files, ${errors} errors, ${warnings} warnings`);
  return errors > 0 ? 1 : 0;
}

function listTs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTs(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
