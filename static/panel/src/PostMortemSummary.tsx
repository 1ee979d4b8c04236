import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { milestonesOutOfOrder, timelineFigures } from '@domain/timeline';
import type { PanelData } from '@shared/contract';
import { formatMinutes, formatNumber } from '@ui/format';
import { actionHead, actionRows } from './action-table';
import { figureList, timelineHead, timelineRows } from './timeline-table';

const STATUS_APPEARANCE = { draft: 'default', 'in-review': 'inprogress', published: 'success' } as const;

/** The stored post-mortem, read-only (editing arrives with the panel's own issue). */
export function PostMortemSummary({ data }: { data: PanelData }) {
  if (data.postmortemProblem) return <SectionMessage appearance="warning" title="Post-mortem could not be read"><p>{data.postmortemProblem}</p></SectionMessage>;
  const pm = data.postmortem;
  if (!pm) {
    return (
      <SectionMessage appearance="information" title="No post-mortem yet">
        <p data-testid="no-postmortem">{data.issue.key} has no post-mortem. Start one after the all-clear: impact, timeline, root cause, and at most three action items.</p>
      </SectionMessage>
    );
  }
  const doc = pm.doc;
  const figures = timelineFigures(doc.timeline);
  const order = milestonesOutOfOrder(doc.timeline);
  const section = { marginTop: token('space.200', '16px') };
  return (
    <article data-testid="postmortem">
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
        <Heading size="small">Incident: [{doc.title.service || doc.service}] [{doc.title.symptom}] on [{doc.title.date ?? '—'}]</Heading>
        <Lozenge appearance={STATUS_APPEARANCE[pm.status]} testId="pm-status">{pm.status}</Lozenge>
      </div>
      <section style={section} aria-label="Impact">
        <Heading size="xsmall">Impact</Heading>
        <dl data-testid="impact" style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${token('space.050', '4px')} ${token('space.200', '16px')}`, margin: 0 }}>
          <dt>Duration</dt><dd>{formatMinutes(pm.durationMinutes)}</dd>
          <dt>Users affected</dt><dd>{formatNumber(doc.impact.usersAffected)}</dd>
          <dt>Revenue impact</dt><dd>{doc.impact.revenue ? `${formatNumber(doc.impact.revenue.amount)} ${doc.impact.revenue.currency}` : '—'}</dd>
          <dt>SLO budget consumed</dt><dd>{doc.impact.sloBudgetPct !== null ? `${doc.impact.sloBudgetPct}%` : '—'}</dd>
        </dl>
      </section>
      <section style={section} aria-label="Timeline">
        <Heading size="xsmall">Timeline (UTC)</Heading>
        {order.length > 0 && <SectionMessage appearance="warning"><ul>{order.map((o) => <li key={o.milestone}>{o.message}</li>)}</ul></SectionMessage>}
        <DynamicTable head={timelineHead} rows={timelineRows(doc.timeline)} testId="timeline" />
        <p data-testid="timeline-figures">{figureList(figures).map((f) => `${f.label}: ${formatMinutes(f.value)}`).join(' · ')}</p>
      </section>
      <section style={section} aria-label="Root cause">
        <Heading size="xsmall">Root cause</Heading>
        <p>{doc.rootCause || '—'}</p>
        <p>Category: {doc.category || '—'} · Service: {doc.service || '—'}{doc.repeatOf ? ` · Repeat of ${doc.repeatOf}` : ''}</p>
      </section>
      <section style={section} aria-label="Action items">
        <Heading size="xsmall">Action items ({doc.actionItems.length} of 3)</Heading>
        <DynamicTable head={actionHead} rows={actionRows(doc.actionItems)} emptyView={<p>No action items yet.</p>} testId="actions" />
      </section>
    </article>
  );
}
