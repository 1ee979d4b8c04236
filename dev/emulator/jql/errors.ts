/** A JQL problem: the emulator answers 400 with Jira's shape rather than guessing a result. */
export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}
