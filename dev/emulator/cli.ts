import { parseArgs } from 'node:util';
import { ensureSiteSetup } from '../../src/services/install';
import { localPlatform } from '../harness/platform';
import { seedDemo } from '../seed/generate';
import { startEmulator } from './server';

/**
 * The emulator on its own (for benchmarks, or to poke at with curl):
 * `npm run emulator -- --size bench [--incidents 100000] --port 4000`. Prints one JSON line with its URL when ready.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      file: { type: 'string', default: ':memory:' },
      seed: { type: 'string', default: '42' },
      size: { type: 'string', default: 'demo' },
      /** With --size bench: how many incidents over the five years (three action tickets each). */
      incidents: { type: 'string' },
      now: { type: 'string' },
    },
  });
  const now = values.now ? Date.parse(values.now) : Date.now();
  const emulator = await startEmulator({ file: values.file, port: Number(values.port), now: () => now });
  let seeded = null;
  if (values.size !== 'none') {
    const size =
      values.size === 'bench'
        ? { incidents: Number(values.incidents ?? 10_000), spanDays: 5 * 365, actionsPerIncident: 3 as const }
        : { incidents: 180, spanDays: 365, actionsPerIncident: 'varied' as const };
    seeded = seedDemo(emulator.store, { seed: Number(values.seed), now, ...size });
    await ensureSiteSetup(localPlatform(emulator.url).asApp(), localPlatform(emulator.url).kvs);
    emulator.calls.length = 0;
  }
  console.log(JSON.stringify({ url: emulator.url, seeded }));
  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
