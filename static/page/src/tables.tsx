import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import type { ReviewData, ReviewItem } from '@shared/contract';
import type { Breakdown } from '@shared/report';
import { money } from './format';

/** Hidden words that make each sortable header's name unique on the page ("Incidents by service"). */
const hidden = { position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' } as const;
const unique = (label: string, what: string) => (
  <>
    {label}
    <span style={hidden}> by {what.toLowerCase()}</span>
  </>
);

const breakdownHead = (what: string): HeadType => ({
  cells: [
    {
      key: 'name',
      // "Service name": the filter above is "Service"; each control keeps its own name.
      content: (
        <>
          {what}
          <span style={hidden}> name</span>
        </>
      ),
      isSortable: true,
    },
    { key: 'incidents', content: unique('Incidents', what), isSortable: true },
    { key: 'repeats', content: unique('Repeats', what), isSortable: true },
    { key: 'slo', content: unique('SLO budget (sum %)', what), isSortable: true },
    { key: 'revenue', content: 'Revenue impact (per currency)', isSortable: false },
  ],
});

const breakdownRows = (rows: Breakdown[]): RowType[] =>
  rows.map((r) => ({
    key: r.name,
    cells: [
      { key: r.name, content: r.name },
      { key: r.incidents, content: r.incidents },
      { key: r.repeats, content: r.repeats },
      { key: r.sloBudgetPct, content: `${Math.round(r.sloBudgetPct)}%` },
      { key: money(r.revenue), content: money(r.revenue) },
    ],
  }));

export function BreakdownTable({ what, rows, testId }: { what: string; rows: Breakdown[]; testId: string }) {
  return (
    <DynamicTable
      head={breakdownHead(what)}
      rows={breakdownRows(rows)}
      testId={testId}
      emptyView={<p>No published post-mortems in this window.</p>}
    />
  );
}

const reviewHead: HeadType = {
  cells: ['Incident', 'Action', 'Ticket', 'Status', 'Owner', 'Due'].map((c) => ({ key: c.toLowerCase(), content: c })),
};
const reviewRows = (items: ReviewItem[], group: string): RowType[] =>
  items.map((t) => ({
    key: `${group}-${t.key}`,
    cells: [
      { key: 'incident', content: t.incident },
      { key: 'action', content: t.summary },
      { key: 'ticket', content: t.key },
      {
        key: 'status',
        content: (
          <>
            {group} {t.status.toLowerCase() === 'blocked' && <Lozenge appearance="removed">blocked</Lozenge>}
          </>
        ),
      },
      { key: 'owner', content: t.assignee?.displayName ?? 'Unassigned' },
      {
        key: 'due',
        content: (
          <>
            {t.dueDate ?? '—'} {t.overdue && <Lozenge appearance="removed">overdue</Lozenge>}
          </>
        ),
      },
    ],
  }));

/** The list the next review starts with, grouped as in the panel. */
export function ReviewTable({ review }: { review: ReviewData }) {
  const rows = [
    ...reviewRows(review.doneSinceLastReview, 'Done'),
    ...reviewRows(review.inProgress, 'In progress'),
    ...reviewRows(review.notStarted, 'Not started'),
  ];
  return (
    <DynamicTable
      head={reviewHead}
      rows={rows}
      rowsPerPage={15}
      testId="review-table"
      emptyView={<p>No open action items.</p>}
    />
  );
}
