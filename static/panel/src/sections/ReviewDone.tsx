import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ReviewStatus } from '@shared/contract';
import { call } from '@ui/api';
import { ActionResult } from '@ui/ActionResult';
import { formatUtc } from '@ui/format';
import { useAction } from '@ui/use-action';
import { usePanelData } from '../state/PanelState';

/**
 * Where "done since the last review" starts, and, for people Jira lets edit the project's issues, "Mark the review
 * done" (review/complete): after a confirmation that says what it changes, the window starts now for everyone.
 */
export function ReviewDone({ onCompleted }: { onCompleted: () => void }) {
  const data = usePanelData();
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The confirmation goes once answered: focus moves to the sentence that says where the window now starts.
  const windowLine = useRef<HTMLParagraphElement>(null);
  const load = useAction(async () => {
    const r = await call('review/status', {});
    if (!r.ok) return r;
    setStatus(r.data);
    return { ok: true, message: '' };
  });
  const complete = useAction(async () => {
    const r = await call('review/complete', {});
    if (!r.ok) return r;
    setConfirming(false);
    onCompleted();
    setStatus((s) => (s ? { ...s, lastReviewAt: r.data.lastReviewAt } : s));
    requestAnimationFrame(() => windowLine.current?.focus());
    return {
      ok: true,
      flag: 'Review marked done',
      message: `"Done since the last review" now starts at ${formatUtc(r.data.lastReviewAt)}.`,
    };
  });
  const { run: loadStatus } = load;
  useEffect(() => loadStatus(), [loadStatus]);

  const name = (id: string) => data.users.find((u) => u.accountId === id)?.displayName ?? id;
  const project = data.issue.projectKey;
  const marked = complete.outcome?.ok === true;
  return (
    <div data-testid="review-done" style={{ marginTop: token('space.150', '12px') }}>
      {status && (
        <p data-testid="review-window" ref={windowLine} tabIndex={-1} style={{ margin: '0 0 8px' }}>
          {marked
            ? `You marked the review done: "done since the last review" starts at ${formatUtc(status.lastReviewAt)}.`
            : status.lastReviewBy
              ? `The last review was marked done at ${formatUtc(status.lastReviewAt)} by ${name(status.lastReviewBy)}: "done since the last review" starts then.`
              : `No review was marked done yet: "done since the last review" looks back two weeks, to ${formatUtc(status.lastReviewAt)}.`}
        </p>
      )}
      <ActionResult outcome={load.outcome?.ok ? null : load.outcome} testId="review-status-result" />
      {status?.canComplete && !confirming && (
        <Button testId="review-complete" onClick={() => setConfirming(true)}>
          Mark the review done
        </Button>
      )}
      {status?.canComplete && confirming && (
        <div
          role="group"
          aria-labelledby="review-complete-what"
          data-testid="review-complete-confirm"
          style={{
            padding: token('space.100', '8px'),
            borderRadius: 3,
            border: `1px solid ${token('color.border', '#091E4224')}`,
          }}
        >
          <p id="review-complete-what" style={{ margin: '0 0 8px' }}>
            Mark the review done now? For everyone in {project}, &quot;done since the last review&quot; then starts now:
            items finished before now leave that group in the agenda, here and on the project page. Recorded outcomes
            and the tickets stay as they are.
          </p>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button
              appearance="primary"
              testId="review-complete-yes"
              isLoading={complete.busy}
              onClick={() => complete.run()}
            >
              Yes, mark the review done
            </Button>
            <Button appearance="subtle" testId="review-complete-cancel" onClick={() => setConfirming(false)}>
              Keep the review open
            </Button>
          </div>
        </div>
      )}
      <ActionResult outcome={complete.outcome} testId="review-complete-result" />
    </div>
  );
}
