import { useEffect, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import type { PanelFollowUp } from '@shared/follow-up';
import { call } from '@ui/api';

/**
 * Follow-up facts beside the post-mortem, loaded after the panel: whether this incident recurred (and which lesson
 * that teaches), where Rule 2 puts tickets (a sprint or the top of a Kanban column), and the due date by priority.
 */
export function FollowUpNote() {
  const [data, setData] = useState<PanelFollowUp | null>(null);
  useEffect(() => {
    void call('panel/followup', {}).then((r) => {
      if (r.ok) setData(r.data);
    });
  }, []);
  if (!data) return null;
  const { placement, dueRules } = data;
  return (
    <div data-testid="followup-note" style={{ marginBottom: 8 }}>
      {data.recurredBy.map((r) => (
        <SectionMessage
          key={r.key}
          appearance="warning"
          title={
            r.whileOpen ? `Recurred as ${r.key}: the follow-up was late` : `Recurred as ${r.key}: the fix did not hold`
          }
          testId="followup-recurred"
        >
          <p>
            {r.whileOpen
              ? 'Some of this incident’s actions were still open when it happened again.'
              : 'All of this incident’s actions were done when it happened again: the actions did not prevent it.'}
          </p>
        </SectionMessage>
      ))}
      <p data-testid="followup-placement" style={{ fontSize: 12 }}>
        {placement.kind === 'kanban'
          ? `Rule 2 on a Kanban board: tickets go to the top of "${placement.column ?? 'the first column'}" on ${placement.board ?? 'the board'}.`
          : `Rule 2: tickets go into the next sprint${placement.board ? ` of ${placement.board}` : ''}.`}{' '}
        Default due dates: P1 {dueRules.P1}; P2 {dueRules.P2}; P3 {dueRules.P3}.
      </p>
    </div>
  );
}
