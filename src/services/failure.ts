import type { ErrorCode } from '../shared/result';

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
