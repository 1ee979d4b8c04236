import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { checkDeploy, copyApp, editFile } from '../support/app-copy';

// Each case breaks one thing in a temp copy of the app and shows `npm run check:deploy` refuses it, so the check
// that `npm test` runs on the real app can fail. (The real app passing is `npm run check:deploy` itself.)
describe('deploy check (what forge deploy runs, offline)', () => {
  const copies: string[] = [];
  const copy = () => {
    const dir = copyApp();
    copies.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails the deploy lint when the manifest lacks a scope a route needs', () => {
    const app = copy();
    editFile(app, 'manifest.yml', (t) => t.replace(/^ {4}- manage:jira-configuration\n/m, ''));
    const { code, output } = checkDeploy(app, 'lint');
    assert.equal(code, 1, output);
    assert.match(output, /requires "manage:jira-configuration" scope/);
    assert.match(output, /read (\d+) of \1 \.ts files under src\//);
  });

  it('fails the deploy lint when tsconfig "include" names folders, so it would read no file', () => {
    const app = copy();
    editFile(app, 'tsconfig.json', (t) => t.replace('"src/**/*.ts"', '"src"'));
    const { code, output } = checkDeploy(app, 'lint');
    assert.equal(code, 1, output);
    assert.match(output, /read 0 of [1-9]\d* \.ts files under src\//);
    assert.match(output, /skipped [1-9]\d* \.ts files/);
  });

  it('fails the bundle when tsconfig.json sets noEmit (ts-loader then emits nothing)', () => {
    const app = copy();
    editFile(app, 'tsconfig.json', (t) => t.replace('"strict": true,', '"strict": true,\n    "noEmit": true,'));
    const { code, output } = checkDeploy(app, 'bundle');
    assert.equal(code, 1, output);
    assert.match(output, /@forge\/bundler failed/);
    assert.match(output, /TypeScript emitted no output/);
  });

  it('fails when the manifest names a handler the code does not export', () => {
    const app = copy();
    editFile(app, 'manifest.yml', (t) => t.replace('handler: index.installHandler', 'handler: index.missingHandler'));
    const { code, output } = checkDeploy(app, 'bundle');
    assert.equal(code, 1, output);
    assert.match(
      output,
      /manifest handler index\.missingHandler: src\/index does not export a function missingHandler/,
    );
  });
});
