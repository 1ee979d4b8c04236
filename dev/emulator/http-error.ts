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

/** Jira's words for an issue that does not exist or that the caller cannot browse (both are 404, by design). */
export const notFoundIssue = (_key: string) =>
  new HttpError(404, ['Issue does not exist or you do not have permission to see it.']);
export const forbidden = (what: string) => new HttpError(403, [`You do not have permission to ${what}.`]);
