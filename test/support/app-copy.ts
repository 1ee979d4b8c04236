import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.join(__dirname, '..', '..');

/**
 * A temp copy of the app as `forge deploy` sees it (src/, manifest.yml, tsconfig.json, package.json, .gitignore;
 * node_modules and the built static/ linked), for tests that break one thing without touching the real files.
 */
export function copyApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-copy-'));
  for (const f of ['manifest.yml', 'tsconfig.json', 'package.json', '.gitignore'])
    fs.copyFileSync(path.join(root, f), path.join(dir, f));
  fs.cpSync(path.join(root, 'src'), path.join(dir, 'src'), { recursive: true });
  for (const linked of ['node_modules', 'static']) fs.symlinkSync(path.join(root, linked), path.join(dir, linked));
  return dir;
}

export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const p = path.join(dir, file);
  const before = fs.readFileSync(p, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  fs.writeFileSync(p, after);
}

/** Runs `npm run check:deploy` on a copy: exit code and everything it printed. */
export function checkDeploy(appDir: string, only: 'bundle' | 'lint' | 'manifest'): { code: number; output: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'dev', 'deploy-check', 'cli.ts'), '--app', appDir, '--only', only],
    { cwd: root, encoding: 'utf8' },
  );
  return { code: r.status ?? -1, output: `${r.stdout}\n${r.stderr}` };
}
