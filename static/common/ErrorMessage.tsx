import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { AppError } from '@shared/result';

const TITLES: Record<AppError['code'], string> = {
  VALIDATION: 'Some input needs fixing',
  NOT_FOUND: 'Not found',
  FORBIDDEN: 'Jira refused the request',
  RATE_LIMITED: 'Jira is busy',
  CONFLICT: 'Someone else changed this',
  TOO_LARGE: 'Too large to save',
  PRECONDITION: 'Not possible yet',
  SETUP_REQUIRED: 'A Jira admin needs to finish setting up Post-mortem Loop',
  JIRA_ERROR: 'Jira reported a problem',
  STORAGE_ERROR: 'Not saved',
  UNCERTAIN: 'Not known whether it was saved',
  INTERNAL: 'Something went wrong',
};

/** Typed answers of the services (src/services/project-access.ts) that are not errors of the app. */
const HINT_TITLES: Record<string, string> = { 'no-access': 'No access in Jira' };

/** A failure as the person should see it: what happened, Jira's own words, and that nothing was lost. */
export function ErrorMessage({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const hinted = error.hint ? HINT_TITLES[error.hint] : undefined;
  return (
    <SectionMessage
      appearance={error.code === 'RATE_LIMITED' || error.code === 'SETUP_REQUIRED' || hinted ? 'warning' : 'error'}
      title={hinted ?? TITLES[error.code]}
      actions={
        onRetry
          ? [
              <SectionMessageAction key="retry" onClick={onRetry}>
                Try again
              </SectionMessageAction>,
            ]
          : []
      }
    >
      <p data-testid="error-message">{error.message}</p>
      {error.details && error.details.length > 0 && (
        <ul>
          {error.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </SectionMessage>
  );
}
