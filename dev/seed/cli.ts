import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server';
import { seedDemo } from './generate';

/**
 * `npm run seed -- --seed 7 --size bench --file .data/bench.sqlite`
 * Sizes: demo (180 incidents over a year), bench (10,000 incidents over five years, 3 actions each).
 */
async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '42' },
      size: { type: 'string', default: 'demo' },
      file: { type: 'string', default: ':memory:' },
      incidents: { type: 'string' },
    },
  });
  const size =
    values.size === 'bench'
      ? { incidents: 10_000, spanDays: 5 * 365, actionsPerIncident: 3 as const }
      : { incidents: 180, spanDays: 365, actionsPerIncident: 'varied' as const };
  const emulator = await startEmulator({ file: values.file });
  const summary = seedDemo(emulator.store, {
    seed: Number(values.seed),
    now: Date.now(),
    ...size,
    incidents: values.incidents ? Number(values.incidents) : size.incidents,
  });
  console.log(JSON.stringify(summary));
  await emulator.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
