import fs from 'node:fs';
import path from 'node:path';
import { startEmulator } from './emulator/server';
import { startHarness } from './harness/server';
import { localPlatform } from './harness/platform';
import { seedKanbanProject } from './seed/followup';
import { addFollowUpCases } from './seed/followup-cases';
import { seedDemo } from './seed/generate';
import { ensureSiteSetup } from '../src/services/install';

/** `npm start`: the emulator with a fresh deterministic demo, and the app served as Jira would show it. */
async function main() {
  const dataDir = path.join(__dirname, '..', '.data');
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'demo.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const emulator = await startEmulator({ file, port: Number(process.env.EMULATOR_PORT ?? 0) });
  const seed = Number(process.env.SEED ?? 42);
  const summary = seedDemo(emulator.store, {
    seed,
    incidents: 180,
    spanDays: 365,
    now: Date.now(),
    actionsPerIncident: 'varied',
  });
  const platform = localPlatform(emulator.url);
  await ensureSiteSetup(platform.asApp(), platform.kvs); // what the install trigger does on a real site
  // A Kanban team beside the scrum one, with the follow-up cases (recurred, held, late, overdue) made by the app.
  seedKanbanProject(emulator.store, Date.now());
  await addFollowUpCases(platform, emulator.store, Date.now());
  const harness = await startHarness(emulator, platform, Number(process.env.PORT ?? 3000));
  console.log(
    `Seeded ${summary.incidents} incidents, ${summary.actionTickets} action tickets, ${summary.repeats} confirmed repeats (seed ${seed}).`,
  );
  console.log(`Jira emulator: ${emulator.url}`);
  console.log(`\n  Post-mortem Loop demo: ${harness.url}\n`);
  const stop = async () => {
    await harness.close();
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
