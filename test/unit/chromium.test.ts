import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { findChromium } from '../../dev/chromium';

const root = path.join(__dirname, '..', '..');

function fakeBin(names: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-bin-'));
  for (const n of names) fs.writeFileSync(path.join(dir, n), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

describe('finding Chromium on a new machine', () => {
  it('finds it under each name distributions use, on PATH', () => {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      const dir = fakeBin([name]);
      assert.equal(findChromium({ PATH: `/nonexistent${path.delimiter}${dir}` }, []), path.join(dir, name));
    }
  });
  it('looks in /usr/bin-like folders when PATH lacks it, and prefers chromium', () => {
    const dir = fakeBin(['google-chrome', 'chromium']);
    assert.equal(findChromium({ PATH: '' }, [dir]), path.join(dir, 'chromium'));
  });
  it('ignores a file that is not executable, and finds nothing when there is nothing', () => {
    const dir = fakeBin([]);
    fs.writeFileSync(path.join(dir, 'chromium'), '', { mode: 0o644 });
    assert.equal(findChromium({ PATH: dir }, []), null);
  });
  it('uses CHROMIUM_PATH when set, and reports a wrong one rather than guessing', () => {
    const dir = fakeBin(['my-chrome', 'chromium']);
    assert.equal(
      findChromium({ CHROMIUM_PATH: path.join(dir, 'my-chrome'), PATH: dir }, []),
      path.join(dir, 'my-chrome'),
    );
    assert.equal(findChromium({ CHROMIUM_PATH: path.join(dir, 'missing'), PATH: dir }, []), null);
  });
  it('npm test stops first, saying how to get a browser, when there is none', () => {
    const pkg = z
      .object({ scripts: z.record(z.string(), z.string()) })
      .parse(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')));
    assert.match(pkg.scripts.test ?? '', /^tsx dev\/check-browser\.ts &&/);
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'dev', 'check-browser.ts')], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /apt-get install chromium/);
    assert.match(r.stderr, /CHROMIUM_PATH/);
  });
});
