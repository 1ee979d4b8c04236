import type { DataState } from '../shared/messages';
import type { ErrorCode, SetupProblem } from '../shared/result';

/** A failure a service explains itself (rather than Jira): becomes the Result envelope unchanged. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
    readonly hint?: string,
    /** What happened to the person's data; services that write say so explicitly. */
    readonly data?: DataState,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

/** The app's site setup cannot be made by the app itself: the message says what a Jira admin must do. */
export class SetupFailure extends AppFailure {
  constructor(
    readonly problem: SetupProblem,
    message: string,
  ) {
    super('SETUP_REQUIRED', message);
    this.name = 'SetupFailure';
  }
}

/** Jira gave no answer at all (timeout, connection lost): a write may or may not have landed. */
export function isNoAnswer(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    (e.name === 'TypeError' && /fetch failed|network/i.test(e.message)) ||
    /ETIMEDOUT|ECONNRESET|socket hang up|timed out/i.test(e.message)
  );
}
