import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { REVIEW_OUTCOMES, type ReviewItem, type ReviewOutcome } from '@shared/contract';
import { call } from '@ui/api';
import { ActionResult } from '@ui/ActionResult';
import { grid } from '../fields';
import { usePanelData } from '../state/PanelState';
import { useAction } from '@ui/use-action';
import { OUTCOME_LABEL } from './review-table';

/** What the review decided for one earlier item: done, still open (why), reassigned (to whom), dropped (why). */
export default function OutcomeForm({
  item,
  onRecorded,
  onCancel,
}: {
  item: ReviewItem;
  onRecorded: (o: ReviewOutcome) => void;
  onCancel: () => void;
}) {
  const users = usePanelData().users;
  const [outcome, setOutcome] = useState<ReviewOutcome['outcome'] | null>(null);
  const [note, setNote] = useState(item.outcome?.note ?? '');
  const [to, setTo] = useState<string | null>(null);
  const record = useAction(async () => {
    if (!outcome) return { ok: false, error: { code: 'VALIDATION', message: 'Choose an outcome first.' } };
    // The outcome version this reviewer saw: a newer one recorded meanwhile is reported, not overwritten.
    const r = await call('review/outcome', {
      ticketKey: item.key,
      outcome,
      note,
      reassignTo: to,
      baseVersion: item.outcome?.version ?? 0,
    });
    if (!r.ok) return r;
    onRecorded(r.data);
    return { ok: true, flag: 'Outcome recorded', message: `"${OUTCOME_LABEL[outcome]}" for ${item.key}.` };
  });
  const noteId = `outcome-note-${item.key}`;
  return (
    <div
      data-testid="outcome-form"
      role="group"
      aria-label={`Review outcome for ${item.key}`}
      style={{
        marginTop: token('space.100', '8px'),
        padding: token('space.100', '8px'),
        borderRadius: 3,
        border: `1px solid ${token('color.border', '#091E4224')}`,
      }}
    >
      <p style={{ margin: '0 0 8px' }}>
        <strong>{item.key}</strong> {item.summary}
      </p>
      <div style={grid(outcome === 'reassigned' ? '1fr 1fr 2fr' : '1fr 3fr')}>
        <Select
          aria-label={`Outcome for ${item.key}`}
          inputId={`outcome-select-${item.key}`}
          testId={`outcome-select-${item.key}`}
          options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABEL[o] }))}
          value={outcome ? { value: outcome, label: OUTCOME_LABEL[outcome] } : null}
          placeholder="Outcome"
          onChange={(o) => setOutcome(o?.value ?? null)}
        />
        {outcome === 'reassigned' && (
          <Select
            aria-label={`Reassign ${item.key} to`}
            inputId={`outcome-to-${item.key}`}
            options={users.map((u) => ({ value: u.accountId, label: u.displayName }))}
            placeholder="Reassign to"
            onChange={(o) => setTo(o?.value ?? null)}
          />
        )}
        <div>
          <label
            htmlFor={noteId}
            style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
          >
            Note for {item.key}
          </label>
          <Textfield
            id={noteId}
            aria-describedby={`${noteId}-hint`}
            testId={noteId}
            placeholder="Note"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <div id={`${noteId}-hint`} style={{ color: token('color.text.subtlest', '#626F86'), fontSize: 12 }}>
            {outcome === 'dropped' ? 'Required: why the item is dropped.' : 'What blocks it, or a note (optional).'}
          </div>
        </div>
      </div>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
        <Button
          appearance="primary"
          testId={`outcome-save-${item.key}`}
          isDisabled={!outcome}
          isLoading={record.busy}
          onClick={() => record.run()}
        >
          Record outcome
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
        <ActionResult outcome={record.outcome} testId={`outcome-result-${item.key}`} />
      </div>
    </div>
  );
}
