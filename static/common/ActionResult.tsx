import { token } from '@atlaskit/tokens';
import { ErrorMessage } from './ErrorMessage';
import type { Outcome } from './use-action';

/**
 * The result of an action beside its button. The status element is always there (a polite live region), so a
 * screen reader announces the sentence when it appears. A success told in a Jira flag is not repeated here; an
 * error is shown here as the app's error message, and stays until the next attempt.
 */
export function ActionResult({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  return (
    <>
      <span
        role="status"
        data-testid={testId}
        style={{ color: token('color.text.subtle', '#44546F'), alignSelf: 'center', fontSize: 14 }}
      >
        {outcome?.ok && !outcome.flag ? outcome.message : ''}
      </span>
      {outcome && !outcome.ok && (
        <div style={{ flexBasis: '100%' }}>
          <ErrorMessage error={outcome.error} />
        </div>
      )}
    </>
  );
}
