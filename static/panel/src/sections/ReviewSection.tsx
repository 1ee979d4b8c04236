import { lazy, Suspense, useState } from 'react';
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { agendaMarkdown } from '@domain/review';
import { composeTitle } from '@domain/rules';
import type { ReviewItem, ReviewPage } from '@shared/contract';
import { call } from '@ui/api';
import { ActionResult } from '@ui/ActionResult';
import { copyText } from '../copy';
import { useDraftStore, usePanelData } from '../state/PanelState';
import { useAction } from '@ui/use-action';
import { ReviewDone } from './ReviewDone';
import { reviewHead, reviewRows } from './review-table';

// The outcome form carries the select pickers: loaded when someone records an outcome, not on open.
const OutcomeForm = lazy(() => import('./OutcomeForm'));

/** "12 open from earlier incidents, 5 overdue": the line shown while the review is folded away. */
export function reviewSummary(open: number, overdue: number): string {
  if (open === 0) return 'No open action items from earlier incidents';
  return `${open} open from earlier incidents${overdue ? `, ${overdue} overdue` : ', none overdue'}`;
}

/**
 * Rule 3, compact: a collapsible section (open while the post-mortem is a draft or in review) with the open items of
 * earlier incidents in a table paged by the resolver (Jira's pages are sequential: each page's token is kept, so
 * going back costs nothing and going forward fetches only what is missing).
 */
export function ReviewSection() {
  const data = usePanelData();
  const store = useDraftStore();
  const { counts, pageSize, first } = data.review;
  const [open, setOpen] = useState(() => (data.postmortem?.doc.status ?? 'draft') !== 'published');
  const [pages, setPages] = useState<ReviewPage[]>([first]);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ReviewItem | null>(null);
  const [markdown, setMarkdown] = useState<string | null>(null);

  const turn = useAction(async (target: number) => {
    const have = [...pages];
    while (have.length < target) {
      const token = have[have.length - 1]?.nextPageToken;
      if (!token) break;
      const r = await call('review/page', { pageToken: token });
      if (!r.ok) return r;
      have.push(r.data);
    }
    setPages(have);
    setPage(Math.min(target, have.length));
    setEditing(null);
    return { ok: true, message: `Page ${Math.min(target, have.length)} of the review.` };
  });
  const copy = useAction(async () => {
    setMarkdown(null); // never show the last agenda as if it were the new one
    const r = await call('review/agenda', {});
    if (!r.ok) return r;
    const text = agendaMarkdown(r.data, data.issue.key, composeTitle(store.doc.title));
    setMarkdown(text);
    return copyText(text, 'Agenda');
  });
  const post = useAction(async () => {
    const r = await call('comment/agenda', {});
    return r.ok ? { ok: true, flag: 'Agenda posted', message: `Posted as a comment on ${data.issue.key}.` } : r;
  });

  const items = pages[page - 1]?.items ?? [];
  const summary = reviewSummary(counts.open, counts.overdue);
  return (
    <section
      aria-labelledby="review-heading"
      data-testid="review-section"
      style={{
        marginTop: token('space.200', '16px'),
        padding: token('space.150', '12px'),
        borderRadius: 3,
        background: token('color.background.neutral.subtle', '#F7F8F9'),
        border: `1px solid ${token('color.border', '#091E4224')}`,
      }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Heading size="xsmall" as="h2" id="review-heading">
          Review: open action items from earlier incidents (Rule 3)
        </Heading>
        <Button
          appearance="subtle"
          spacing="compact"
          testId="review-toggle"
          aria-expanded={open}
          aria-controls="review-body"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide the review' : 'Show the review'}
        </Button>
      </div>
      <p data-testid="review-summary" style={{ margin: '4px 0 0' }}>
        {summary}.
      </p>
      {data.review.slipped.length > 0 && (
        <p data-testid="review-slipped" style={{ margin: '4px 0 0' }}>
          Slipped out of a closed sprint unfinished: {data.review.slipped.join(', ')}
          {data.review.slipped.length === 10 ? ' and more' : ''}. Plan each into a sprint, or drop it and say why.
        </p>
      )}
      {open && (
        <div id="review-body" data-testid="review-body" style={{ marginTop: token('space.100', '8px') }}>
          {counts.open > 0 && (
            <DynamicTableStateless
              head={reviewHead}
              rows={reviewRows(items, (item) => setEditing(item))}
              rowsPerPage={pageSize}
              totalRows={Math.max(counts.open, items.length + (page - 1) * pageSize)}
              page={page}
              onSetPage={(p) => turn.run(p)}
              isLoading={turn.busy}
              label="Open action items from earlier incidents"
              paginationi18n={{
                prev: 'Previous page of the review',
                next: 'Next page of the review',
                label: 'Review pages',
                pageLabel: 'Review page',
              }}
              testId="review-table"
            />
          )}
          {turn.outcome && !turn.outcome.ok && <ActionResult outcome={turn.outcome} testId="review-page-result" />}
          {editing && (
            <Suspense fallback={null}>
              <OutcomeForm
                key={editing.key}
                item={editing}
                onCancel={() => setEditing(null)}
                onRecorded={(o) => {
                  setPages((ps) =>
                    ps.map((p) => ({
                      ...p,
                      items: p.items.map((t) => (t.key === editing.key ? { ...t, outcome: o } : t)),
                    })),
                  );
                  setEditing(null);
                }}
              />
            </Suspense>
          )}
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
            <Button testId="copy-agenda" isLoading={copy.busy} onClick={() => copy.run()}>
              Copy the meeting agenda (Markdown)
            </Button>
            <Button testId="post-agenda" isLoading={post.busy} onClick={() => post.run()}>
              Post the agenda as a comment
            </Button>
            <ActionResult outcome={copy.outcome} testId="agenda-copy-note" />
            <ActionResult outcome={post.outcome} testId="agenda-note" />
          </div>
          {/* An agenda copied before the review was marked done groups items by the old window: it goes. */}
          <ReviewDone onCompleted={() => setMarkdown(null)} />
          {markdown && (
            <pre data-testid="agenda-markdown" style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
              {markdown}
            </pre>
          )}
        </div>
      )}
    </section>
  );
}
