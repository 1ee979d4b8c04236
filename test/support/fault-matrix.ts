import { buildResolvers } from '../../src/resolvers/definitions';
import { faultyPlatform, type KvsFault } from './faulty';
import { STEPS, type Outcome, type World } from './fault-matrix-steps';
import { newIncident } from './incidents';
import type { TestJira } from './jira';

/** The faults tried at each write step: refused before, lost answer after, rate limited, no answer. */
export const FAULT_KINDS = ['500', '500-after', '429', 'timeout', 'timeout-after'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface MatrixResult {
  area: string;
  step: string;
  kind: FaultKind;
  fired: boolean;
  crashed: boolean;
  ok: boolean;
  problem: string | null;
}

const KVS_KIND: Record<FaultKind, KvsFault['kind']> = {
  '500': 'error-before',
  '500-after': 'error-after',
  '429': 'rate-limited',
  timeout: 'timeout-before',
  'timeout-after': 'timeout-after',
};

function inject(w: World, match: string, kind: FaultKind, store: 'jira' | 'kvs') {
  if (store === 'kvs') w.kvsFaults.push({ match: new RegExp(match), times: 1, kind: KVS_KIND[kind] });
  else if (kind === 'timeout' || kind === 'timeout-after')
    w.faults.push({
      match: new RegExp(match),
      times: 1,
      kind: kind === 'timeout' ? 'timeout-before' : 'timeout-after',
    });
  else
    w.jira.emulator.knobs.faults.push({
      match,
      status: kind === '429' ? 429 : 500,
      times: kind === '429' ? 4 : 1, // 429 is retried three times: the fourth reaches the app
      when: kind === '500-after' ? 'after' : 'before',
      retryAfterSeconds: 0,
    });
}
function clear(w: World) {
  w.jira.emulator.knobs.faults = [];
  w.faults.length = 0;
  w.kvsFaults.length = 0;
  w.clock.now += 31_000; // past any lease a lost answer left
}

const crashed = (x: Outcome) => !x.ok && x.error?.code === 'INTERNAL';

/** Runs every (step, fault) pair: the first attempt meets the fault, the retry must end in the intended state. */
export async function runFaultMatrix(
  jira: TestJira,
  kinds: readonly FaultKind[] = FAULT_KINDS,
): Promise<MatrixResult[]> {
  const f = faultyPlatform(jira);
  const w: World = {
    jira,
    r: buildResolvers(f.platform),
    clock: f.clock,
    faults: f.faults,
    kvsFaults: f.kvsFaults,
    app: f.platform,
  };
  const out: MatrixResult[] = [];
  for (const step of STEPS) {
    for (const kind of kinds) {
      step.setup?.(w);
      const key = await newIncident(jira);
      let problem: string | null = null;
      let wasFired = false;
      let crash = false;
      try {
        let armed = false;
        const run = await step.act(w, key, () => {
          inject(w, step.match(key), kind, step.store ?? 'jira');
          armed = true;
        });
        // The fault must have been met: injected, and every use of it spent.
        wasFired =
          armed &&
          w.jira.emulator.knobs.faults.every((x) => x.times === 0) &&
          w.faults.every((x) => x.times === 0) &&
          w.kvsFaults.every((x) => x.times === 0);
        crash = crashed(run.first);
        problem = (await run.truth?.()) ?? null;
        clear(w);
        const retry = await run.retry();
        crash ||= crashed(retry);
        if (!retry.ok) problem ??= `retry failed: ${JSON.stringify(retry).slice(0, 160)}`;
        problem ??= await run.check();
      } catch (e) {
        problem = `threw: ${e instanceof Error ? e.message : String(e)}`;
      } finally {
        clear(w);
        const p = jira.emulator.store.projectByKeyOrId('OPS');
        if (p) p.createScreenExcludes = [];
      }
      out.push({
        area: step.area,
        step: step.step,
        kind,
        fired: wasFired,
        crashed: crash,
        ok: problem === null && wasFired && !crash,
        problem,
      });
    }
  }
  return out;
}
