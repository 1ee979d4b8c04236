/** A Jira-shaped error answer: { errorMessages, errors }. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
  ) {
    super(errorMessages.join('; ') || Object.values(errors).join('; '));
  }
  body() {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}

export const notFoundIssue = (key: string) =>
  new HttpError(404, [`Issue ${key} does not exist or you do not have permission to see it.`]);
export const forbidden = (what: string) => new HttpError(403, [`You do not have permission to ${what}.`]);
