import { invoke } from '@forge/bridge';
import { z } from 'zod';
import type { Answers, Payload, ResolverName } from '@shared/contract';
import { ERROR_CODES, type Result } from '@shared/result';

const Envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.array(z.string()).optional(),
      hint: z.string().optional(),
      data: z.enum(['saved', 'not-saved', 'unknown', 'partly-saved']).optional(),
    }),
  }),
]);

/**
 * The only way the UI reaches the back end: a typed call per resolver of the shared contract.
 * The envelope is checked; the data's type is the contract's (the resolver validated what it sent).
 */
export async function call<K extends ResolverName>(name: K, payload: Payload<K>): Promise<Result<Answers[K]>> {
  let raw: unknown;
  try {
    raw = await invoke(name, payload);
  } catch (e) {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `Could not reach the app (${e instanceof Error ? e.message : 'unknown error'}). Please reload.`,
      },
    };
  }
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'The app answered in an unexpected format. Please reload.' },
    };
  if (!parsed.data.ok) return { ok: false, error: parsed.data.error };
  // The resolver built this data from the same contract type; re-validating every field here would duplicate it.
  return { ok: true, data: parsed.data.data as Answers[K] };
}
