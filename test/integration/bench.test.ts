import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { z } from 'zod';

const ROOT = path.join(__dirname, '..', '..');
const n = z.number().min(0);
/** The bench's JSON as issue #11 specifies it (`app` is the warm view), plus the first view and the history job. */
const BenchJson = z
  .object({
    incidents: n,
    actionTickets: n,
    latencyMs: n,
    window: n,
    app: z.object({ calls: n, rounds: n, points: n, wallMs: n, peakRssMb: n }).strict(),
    /** The first view with empty app storage, and how much of the post-mortem history it found ready. */
    appCold: z
      .object({ calls: n, rounds: n, points: n, wallMs: n, historyReady: n, historyMonths: n, headlineRounds: n })
      .strict(),
    historyJob: z.object({ calls: n, points: n, wallMs: n }).strict(),
    baseline: z.object({ calls: n, rounds: n, points: n, wallMs: n }).strict(),
    ratio: z.object({ points: n, wall: n }).strict(),
    panel: z
      .object({
        openCalls: n,
        openRounds: n,
        openPoints: n,
        saveCalls: n,
        createTicketsCalls: n,
        createTicketsRounds: n,
      })
      .strict(),
    /** The follow-up card: first view (storage empty), one run of its ledger job, the view after it. */
    followUp: z
      .object({
        warm: z.object({ calls: n, points: n, rounds: n, wallMs: n }).strict(),
        cold: z.object({ calls: n, points: n, rounds: n, wallMs: n, status: z.enum(['live', 'preparing']) }).strict(),
        ledgerJob: z.object({ calls: n, points: n, wallMs: n }).strict(),
      })
      .strict(),
    bundles: z.record(z.string(), z.object({ jsGzipKb: n }).strict()),
  })
  .strict();

describe('npm run bench at a tiny size', () => {
  it('prints one JSON object of the agreed shape, and the baseline gives the app its figures', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'dev', 'bench', 'run.ts'),
        '--json',
        '--follow-up',
        '--incidents',
        '300',
        '--latency',
        '0',
      ],
      { cwd: ROOT, timeout: 120_000 },
    );
    // execFile rejects on a non-zero exit: the bench exits 1 when the app and the baseline disagree.
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 1, 'one line of JSON, nothing else on stdout');
    const out = BenchJson.parse(JSON.parse(lines[0] ?? ''));
    assert.equal(out.incidents, 300);
    assert.equal(out.actionTickets, 900);
    assert.equal(out.window, 365);
    assert.ok(out.app.calls > 0 && out.baseline.calls > 0);
    assert.ok(out.app.points >= out.app.calls, 'every call costs at least a point');
    // 300 incidents fit a first view's live budget: its history is complete at once.
    assert.equal(out.appCold.historyReady, out.appCold.historyMonths);
    assert.ok(out.appCold.historyMonths >= 13);
    assert.deepEqual(Object.keys(out.bundles).sort(), ['page', 'panel']);
    // 300 incidents: the follow-up card's first view reads live; after its job it reads the ledger (a few calls).
    assert.equal(out.followUp.cold.status, 'live');
    assert.ok(out.followUp.warm.calls <= 8);
    assert.ok(out.followUp.warm.points < out.followUp.cold.points);
    assert.equal(out.panel.saveCalls > 0 && out.panel.createTicketsCalls >= 3, true);
  });
});
