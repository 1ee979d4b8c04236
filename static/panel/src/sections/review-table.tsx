import Button from '@atlaskit/button/new';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ReviewItem, ReviewOutcome } from '@shared/contract';

export const OUTCOME_LABEL: Record<ReviewOutcome['outcome'], string> = {
  done: 'Done',
  'still-open': 'Still open',
  reassigned: 'Reassigned',
  dropped: 'Dropped',
};
const STATUS_APPEARANCE: Record<string, 'default' | 'inprogress' | 'success'> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

/** The review table's columns (the article's agenda line: item, owner, due date, state, what the review decided). */
export const reviewHead: HeadType = {
  cells: [
    { key: 'item', content: 'Action item', width: 38 },
    { key: 'owner', content: 'Owner', width: 16 },
    { key: 'due', content: 'Due', width: 16 },
    { key: 'status', content: 'Status', width: 12 },
    { key: 'outcome', content: 'Review outcome', width: 18 },
  ],
};

const subtle = { color: token('color.text.subtlest', '#626F86'), fontSize: 12 } as const;

export function reviewRows(items: ReviewItem[], onRecord: (item: ReviewItem) => void): RowType[] {
  return items.map((t) => ({
    key: t.key,
    testId: `review-row-${t.key}`,
    cells: [
      {
        key: 'item',
        content: (
          <div data-testid="review-item">
            {t.summary}
            <div style={subtle}>
              {t.key} · from {t.incident}
            </div>
          </div>
        ),
      },
      { key: 'owner', content: t.assignee?.displayName ?? <span style={subtle}>Unassigned</span> },
      {
        key: 'due',
        content: (
          <>
            {t.dueDate ?? '—'}
            {t.overdue && (
              <div>
                <Lozenge appearance="removed">overdue</Lozenge>
              </div>
            )}
            {t.slipped && (
              <div>
                <Lozenge appearance="moved" testId="slipped">
                  slipped
                </Lozenge>
              </div>
            )}
          </>
        ),
      },
      {
        key: 'status',
        content: <Lozenge appearance={STATUS_APPEARANCE[t.statusCategory] ?? 'default'}>{t.status}</Lozenge>,
      },
      {
        key: 'outcome',
        content: (
          <div data-testid={`outcome-${t.key}`}>
            {t.outcome && (
              <div>
                <Lozenge appearance="new">{OUTCOME_LABEL[t.outcome.outcome]}</Lozenge>{' '}
                {t.outcome.reassignedTo ? `to ${t.outcome.reassignedTo.displayName} ` : ''}
                <span style={subtle}>{t.outcome.note}</span>
              </div>
            )}
            <Button
              appearance="subtle"
              spacing="compact"
              testId={`record-${t.key}`}
              aria-label={`${t.outcome ? 'Change outcome' : 'Record outcome'} for ${t.key}`}
              onClick={() => onRecord(t)}
            >
              {t.outcome ? 'Change' : 'Record'}
            </Button>
          </div>
        ),
      },
    ],
  }));
}
