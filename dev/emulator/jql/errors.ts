/**
 * A JQL problem: the emulator answers 400 with Jira's shape (one message per problem) rather than guessing a result.
 */
export class JqlError extends Error {
  readonly messages: string[];
  constructor(message: string | string[]) {
    const messages = Array.isArray(message) ? message : [message];
    super(messages.join(' '));
    this.name = 'JqlError';
    this.messages = messages;
  }
}
