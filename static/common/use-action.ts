import { useCallback, useRef, useState } from 'react';
import type { AppError } from '@shared/result';
import { flagSuccess } from './flags';

/**
 * What an action ended with: a sentence for the person, or the error to show. A success with a `flag` title is
 * told in a Jira flag; one without (e.g. "the browser did not allow the clipboard") stays beside its button.
 */
export type Outcome = { ok: true; message: string; flag?: string } | { ok: false; error: AppError };

/**
 * Runs one action at a time and keeps its outcome: while it runs `busy` is true and further calls are ignored
 * (no double submit from a double click, even before React re-renders the disabled button).
 */
export function useAction<A extends unknown[]>(
  action: (...args: A) => Promise<Outcome>,
): { run: (...args: A) => void; busy: boolean; outcome: Outcome | null; clear: () => void } {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const latest = useRef(action);
  latest.current = action;
  const run = useCallback((...args: A) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setOutcome(null);
    void latest
      .current(...args)
      .catch((e: unknown): Outcome => ({
        ok: false,
        error: { code: 'INTERNAL', message: e instanceof Error ? e.message : 'The action failed.' },
      }))
      .then((o) => {
        if (o.ok && o.flag) flagSuccess(o.flag, o.message);
        setOutcome(o);
      })
      .finally(() => {
        running.current = false;
        setBusy(false);
      });
  }, []);
  const clear = useCallback(() => setOutcome(null), []);
  return { run, busy, outcome, clear };
}
