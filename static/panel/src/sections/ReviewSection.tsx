import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { REVIEW_OUTCOMES, type ReviewData, type ReviewItem, type ReviewOutcome, type UserRef } from '@shared/contract';
import type { AppError } from '@shared/result';
import { grid } from '../fields';

const OUTCOME_LABEL: Record<ReviewOutcome['outcome'], string> = {
  done: 'Done',
  'still-open': 'Still open',
  reassigned: 'Reassigned',
  dropped: 'Dropped',
};

function OutcomeForm({
  item,
  users,
  onRecord,
}: {
  item: ReviewItem;
  users: UserRef[];
  onRecord: (o: {
    outcome: ReviewOutcome['outcome'];
    note: string;
    reassignTo: string | null;
  }) => Promise<AppError | null>;
}) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<ReviewOutcome['outcome'] | null>(null);
  const [note, setNote] = useState('');
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <span data-testid={`outcome-${item.key}`}>
        {item.outcome && (
          <>
            <Lozenge appearance="new">{OUTCOME_LABEL[item.outcome.outcome]}</Lozenge>{' '}
            {item.outcome.reassignedTo ? `to ${item.outcome.reassignedTo.displayName} ` : ''}
            {item.outcome.note}{' '}
          </>
        )}
        <Button appearance="subtle" spacing="compact" testId={`record-${item.key}`} onClick={() => setOpen(true)}>
          {item.outcome ? 'Change outcome' : 'Record outcome'}
        </Button>
      </span>
    );
  }
  return (
    <div style={grid('1.2fr 1.5fr 1.5fr auto')}>
      <Select
        aria-label={`Outcome for ${item.key}`}
        inputId={`outcome-select-${item.key}`}
        testId={`outcome-select-${item.key}`}
        options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABEL[o] }))}
        value={outcome ? { value: outcome, label: OUTCOME_LABEL[outcome] } : null}
        placeholder="Outcome"
        onChange={(o) => setOutcome(o?.value ?? null)}
      />
      {outcome === 'reassigned' ? (
        <Select
          aria-label="Reassign to"
          options={users.map((u) => ({ value: u.accountId, label: u.displayName }))}
          placeholder="Reassign to"
          onChange={(o) => setTo(o?.value ?? null)}
        />
      ) : (
        <span />
      )}
      <Textfield
        aria-label={`Note for ${item.key}`}
        testId={`outcome-note-${item.key}`}
        placeholder={outcome === 'dropped' ? 'Why it is dropped (required)' : 'What blocks it, or a note'}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button
        testId={`outcome-save-${item.key}`}
        isDisabled={!outcome}
        onClick={() => {
          if (!outcome) return;
          void onRecord({ outcome, note, reassignTo: to }).then((err) => {
            setError(err ? `${err.message} ${(err.details ?? []).join(' ')}` : null);
            if (!err) {
              setOutcome(null);
              setOpen(false);
            }
          });
        }}
      >
        Record
      </Button>
      {error && (
        <span role="alert" style={{ color: token('color.text.danger', '#AE2E24'), gridColumn: '1 / -1' }}>
          {error}
        </span>
      )}
    </div>
  );
}

const FIRST = 6;

function Group({
  title,
  items,
  users,
  onRecord,
  testId,
}: {
  title: string;
  items: ReviewItem[];
  users: UserRef[];
  onRecord: (
    key: string,
    o: { outcome: ReviewOutcome['outcome']; note: string; reassignTo: string | null },
  ) => Promise<AppError | null>;
  testId: string;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <div data-testid={testId} style={{ marginTop: token('space.150', '12px') }}>
      <Heading size="xsmall">
        {title} ({items.length})
      </Heading>
      {items.length === 0 ? (
        <p style={{ color: token('color.text.subtlest', '#626F86') }}>None.</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {shown.map((t) => (
            <li
              key={t.key}
              data-testid="review-item"
              style={{ padding: '6px 0', borderBottom: `1px solid ${token('color.border', '#091E4224')}` }}
            >
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
                <span>
                  <strong>{t.incident}</strong>: “{t.summary}” ({t.key}) — <Lozenge>{t.status}</Lozenge>{' '}
                  {t.assignee?.displayName ?? 'Unassigned'}
                  {t.dueDate ? `, due ${t.dueDate}` : ''}
                  {t.overdue && (
                    <>
                      {' '}
                      <Lozenge appearance="removed" testId="overdue">
                        overdue
                      </Lozenge>
                    </>
                  )}
                  {t.slipped && t.statusCategory !== 'done' && (
                    <>
                      {' '}
                      <Lozenge appearance="moved" testId="slipped">
                        slipped out of its sprint
                      </Lozenge>
                    </>
                  )}
                </span>
                <OutcomeForm item={t} users={users} onRecord={(o) => onRecord(t.key, o)} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {items.length > FIRST && (
        <Button appearance="subtle" testId={`${testId}-more`} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${items.length}`}
        </Button>
      )}
    </div>
  );
}

/** Rule 3: before the current incident, the open action items of earlier ones. */
export function ReviewSection({
  review,
  users,
  onRecord,
  onCopyAgenda,
  onPostAgenda,
  note,
}: {
  review: ReviewData;
  users: UserRef[];
  note: string | null;
  onRecord: (
    key: string,
    o: { outcome: ReviewOutcome['outcome']; note: string; reassignTo: string | null },
  ) => Promise<AppError | null>;
  onCopyAgenda: () => Promise<void>;
  onPostAgenda: () => Promise<void>;
}) {
  const open = review.inProgress.length + review.notStarted.length;
  return (
    <section
      aria-label="Review of earlier action items"
      data-testid="review-section"
      style={{
        background: token('color.background.neutral.subtle', '#F7F8F9'),
        padding: token('space.150', '12px'),
        borderRadius: 3,
      }}
    >
      <Heading size="small">1. Review open action items from earlier incidents (10 min)</Heading>
      <p style={{ margin: '4px 0' }}>
        {open} open, {review.doneSinceLastReview.length} done since the last review ({review.lastReviewAt.slice(0, 10)}
        ). Record an outcome for each.
      </p>
      {review.slipped && review.slipped.length > 0 && (
        <p data-testid="review-slipped" style={{ margin: '4px 0' }}>
          Slipped out of a closed sprint unfinished ({review.slipped.length}):{' '}
          {review.slipped.map((t) => t.key).join(', ')}. Plan each into a sprint, or drop it and say why.
        </p>
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button testId="copy-agenda" onClick={() => void onCopyAgenda()}>
          Copy agenda (Markdown)
        </Button>
        <Button testId="post-agenda" onClick={() => void onPostAgenda()}>
          Post agenda as a comment
        </Button>
        {note && (
          <span data-testid="agenda-note" style={{ alignSelf: 'center' }}>
            {note}
          </span>
        )}
      </div>
      <Group
        title="Done since the last review"
        items={review.doneSinceLastReview}
        users={users}
        onRecord={onRecord}
        testId="review-done"
      />
      <Group
        title="In progress"
        items={review.inProgress}
        users={users}
        onRecord={onRecord}
        testId="review-in-progress"
      />
      <Group
        title="Not started"
        items={review.notStarted}
        users={users}
        onRecord={onRecord}
        testId="review-not-started"
      />
    </section>
  );
}
