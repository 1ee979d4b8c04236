import { spawn } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';

const Ready = z.object({ url: z.string(), seeded: z.object({ incidents: z.number(), actionTickets: z.number() }) });
export const CostSchema = z.object({
  calls: z.number(),
  points: z.number(),
  issues: z.number(),
  rounds: z.number(),
});
export type Cost = z.infer<typeof CostSchema>;

/** The emulator in its own process (its JQL work must not share a thread with the app's), seeded for the bench. */
export async function startBenchEmulator(root: string, incidents: number, now: number) {
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=4096',
      '--import',
      'tsx',
      path.join(root, 'dev', 'emulator', 'cli.ts'),
      '--size',
      'bench',
      '--incidents',
      String(incidents),
      '--now',
      new Date(now).toISOString(),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const ready = await new Promise<z.infer<typeof Ready>>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        const line = buf.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(Ready.parse(JSON.parse(line)));
      });
      child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    });
    const control = async (p: string, method = 'GET', body?: unknown): Promise<unknown> =>
      (
        await fetch(`${ready.url}/__emulator/${p}`, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json();
    return {
      ...ready,
      knobs: (k: Record<string, unknown>) => control('knobs', 'POST', k),
      /** The cost of the calls since the last reset, counted by the emulator from its call log. */
      cost: async () => CostSchema.parse(await control('cost')),
      reset: () => control('calls', 'DELETE'),
      calls: () => control('calls'),
      stop: () => child.kill('SIGTERM'),
    };
  } catch (e) {
    child.kill('SIGTERM');
    throw e;
  }
}

/** Runs `fn` with the emulator's call log emptied first; answers its result, wall time and Jira cost. */
export async function measured<T>(
  emu: { reset(): Promise<unknown>; cost(): Promise<Cost> },
  fn: () => Promise<T>,
): Promise<{ value: T; wallMs: number; cost: Cost }> {
  await emu.reset();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = Math.round(performance.now() - t0);
  return { value, wallMs, cost: await emu.cost() };
}
