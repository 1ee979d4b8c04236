/**
 * What the person is told happened to their data after a failure, in one place so the back end and the UI
 * say the same thing: saved, not saved, or unknown (and how to check). Every failure answer carries one.
 */
export type DataState = 'saved' | 'not-saved' | 'unknown' | 'partly-saved';

export const DATA_STATE_TITLES: Record<DataState, string> = {
  saved: 'Your change was saved',
  'not-saved': 'Nothing was saved',
  unknown: 'Not known whether your change was saved',
  'partly-saved': 'Saved, with steps still pending',
};

export const messages = {
  notSaved: (why: string) => `${why} Nothing was saved; your text is still in the form.`,
  /** Jira did not answer, so the write may or may not have landed: say how to find out. */
  unknown: (what: string, check: string) =>
    `Jira did not answer in time, so it is not known whether ${what}. Check: ${check}. Nothing is lost: your text is still in the form.`,
  unknownGeneric: (check: string) =>
    `Jira did not answer in time, so it is not known whether the change was made. Check: ${check}.`,
  savingNow: 'Someone else is saving this post-mortem right now.',
  /** A pending step after the document was saved; saving again completes it. */
  pending: (steps: string[]) =>
    `Saved. Still pending: ${steps.join('; ')}. Save again to complete ${steps.length === 1 ? 'it' : 'them'}.`,
  /** App storage (not Jira) refused a write, and reading it back shows nothing was kept. */
  storageNotSaved: (what: string) =>
    `The app's storage did not accept the change, so ${what} was not saved. Nothing was changed; please try again.`,
  storageUnknown: (what: string, check: string) =>
    `The app's storage did not answer, so it is not known whether ${what} was saved. Check: ${check}.`,
  internal: 'Something went wrong in the app before anything was written. Nothing was changed; please try again.',
  internalAfterWrite: (check: string) =>
    `Something went wrong in the app while writing; it is not known what was saved. Check: ${check}.`,
} as const;
