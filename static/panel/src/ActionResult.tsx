import { token } from '@atlaskit/tokens';
import { ErrorMessage } from '@ui/ErrorMessage';
import type { Outcome } from './state/use-action';

/**
 * The result of an action beside its button. The status element is always there (a polite live region), so a
 * screen reader announces the sentence when it appears; an error is shown as the app's error message.
 */
export function ActionResult({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  return (
    <>
      <span
        role="status"
        data-testid={testId}
        style={{ color: token('color.text.success', '#216E4E'), alignSelf: 'center', fontSize: 14 }}
      >
        {outcome?.ok ? `✓ ${outcome.message}` : ''}
      </span>
      {outcome && !outcome.ok && (
        <div style={{ flexBasis: '100%' }}>
          <ErrorMessage error={outcome.error} />
        </div>
      )}
    </>
  );
}
