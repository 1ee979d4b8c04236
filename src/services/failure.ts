import type { ErrorCode, SetupProblem } from '../shared/result';

/** A failure a service explains itself (rather than Jira): becomes the Result envelope unchanged. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
    readonly hint?: string,
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
