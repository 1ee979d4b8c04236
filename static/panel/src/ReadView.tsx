import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { timelineFigures } from '@domain/timeline';
import { MILESTONES, MILESTONE_LABELS, type PostMortem } from '@shared/postmortem';
import { formatMinutes, formatNumber } from '@ui/format';
import { CATEGORY_APPEARANCE, FACTORS } from './labels';
import { useDraft, usePanelData } from './state/PanelState';

const muted = { color: token('color.text.subtlest', '#626F86') } as const;
const dash = <span style={muted}>—</span>;

function Part({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-label={title} data-testid={testId} style={{ marginTop: token('space.250', '20px') }}>
      <Heading size="small" as="h3">
        {title}
      </Heading>
      <div style={{ marginTop: token('space.075', '6px') }}>{children}</div>
    </section>
  );
}

const hhmm = (iso: string) => `${iso.slice(11, 16)}`;
/** The milestones as the template lists them (HH:MM - what), with the date where it changes. */
function timelineLines(t: PostMortem['timeline']) {
  const entries = [
    ...MILESTONES.map((m) => ({ at: t[m], text: MILESTONE_LABELS[m] })),
    ...t.extra.map((e) => ({ at: e.at, text: e.text })),
  ]
    .filter((e): e is { at: string; text: string } => e.at !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
  let day = '';
  return entries.map((e) => {
    const d = e.at.slice(0, 10);
    const prefix = d !== day ? `${d} ` : '';
    day = d;
    return { key: `${e.at}${e.text}`, when: `${prefix}${hhmm(e.at)}`, text: e.text };
  });
}

const list = (items: string[], testId: string) =>
  items.filter((x) => x.trim()).length ? (
    <ul data-testid={testId} style={{ margin: 0, paddingLeft: 20 }}>
      {items
        .filter((x) => x.trim())
        .map((x, i) => (
          <li key={i}>{x}</li>
        ))}
    </ul>
  ) : (
    <p style={{ margin: 0, ...muted }}>Nothing recorded.</p>
  );

/** A published post-mortem, laid out like the article's template; Edit (in the header) switches to the form. */
export function ReadView() {
  const doc = useDraft((d) => d);
  const data = usePanelData();
  const f = timelineFigures(doc.timeline);
  const duration = doc.impact.durationMinutesOverride ?? f.totalDurationMinutes;
  const users = new Map(data.users.map((u) => [u.accountId, u.displayName]));
  const cell = {
    padding: '6px 8px',
    borderBottom: `1px solid ${token('color.border', '#091E4224')}`,
    textAlign: 'left',
  } as const;
  return (
    <div data-testid="read-view">
      <Part title="Impact" testId="read-impact">
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          <li>Duration: {duration !== null ? `${duration} minutes` : dash}</li>
          <li>Users affected: {formatNumber(doc.impact.usersAffected)}</li>
          <li>
            Revenue impact:{' '}
            {doc.impact.revenue
              ? `${doc.impact.revenue.amount.toLocaleString('en-US')} ${doc.impact.revenue.currency}`
              : dash}
          </li>
          <li>SLO budget consumed: {doc.impact.sloBudgetPct !== null ? `${doc.impact.sloBudgetPct}%` : dash}</li>
        </ul>
      </Part>
      <Part title="Timeline (UTC)" testId="read-timeline">
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {timelineLines(doc.timeline).map((e) => (
            <li key={e.key}>
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>{e.when}</span> - {e.text}
            </li>
          ))}
        </ul>
        <p data-testid="timeline-figures" style={{ margin: '6px 0 0', ...muted }}>
          Time to acknowledge {formatMinutes(f.timeToAcknowledgeMinutes)} · to identify{' '}
          {formatMinutes(f.timeToIdentifyMinutes)} · to fix {formatMinutes(f.timeToFixMinutes)} · to recover{' '}
          {formatMinutes(f.timeToRecoverMinutes)} · total {formatMinutes(f.totalDurationMinutes)}
        </p>
      </Part>
      <Part title="Root cause" testId="read-rootcause">
        <p data-testid="read-root-cause" style={{ margin: 0 }}>
          {doc.rootCause || dash}
        </p>
        <p style={{ margin: '6px 0 0', ...muted }}>
          {doc.category || 'No category'} · {doc.service || 'no service'}
          {doc.repeatOf && (
            <>
              {' '}
              · repeats <Lozenge appearance="moved">{doc.repeatOf}</Lozenge>
            </>
          )}
        </p>
      </Part>
      <Part title="Contributing factors">
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {FACTORS.map(([k, label]) => (
            <li key={k}>{doc.contributingFactors[k] || <span style={muted}>{label}: not recorded</span>}</li>
          ))}
        </ol>
      </Part>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: token('space.200', '16px') }}>
        <Part title="What went well">{list(doc.wentWell, 'read-went-well')}</Part>
        <Part title="What went wrong">{list(doc.wentWrong, 'read-went-wrong')}</Part>
      </div>
      <Part title="Action items" testId="read-actions">
        {doc.actionItems.length === 0 ? (
          <p style={{ margin: 0, ...muted }}>No action items.</p>
        ) : (
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <thead>
              <tr>
                {['Action', 'Owner', 'Priority', 'Due date', 'Status'].map((h) => (
                  <th key={h} scope="col" style={{ ...cell, fontSize: 12 }}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {doc.actionItems.map((a, i) => {
                const t = data.tickets.find((x) => x.key === a.ticketKey);
                return (
                  <tr key={a.id}>
                    <td style={cell}>{a.action}</td>
                    <td style={cell}>
                      {t?.assignee?.displayName ?? (a.ownerAccountId && users.get(a.ownerAccountId)) ?? dash}
                    </td>
                    <td style={cell}>{a.priority}</td>
                    <td style={cell}>{t?.dueDate ?? a.dueDate ?? dash}</td>
                    <td style={cell} data-testid={`action-status-${i}`}>
                      {t ? (
                        <>
                          {t.key}{' '}
                          <Lozenge appearance={CATEGORY_APPEARANCE[t.statusCategory] ?? 'default'}>{t.status}</Lozenge>
                          {t.overdue && (
                            <>
                              {' '}
                              <Lozenge appearance="removed">overdue</Lozenge>
                            </>
                          )}
                        </>
                      ) : (
                        (a.ticketKey ?? <span style={muted}>No ticket yet</span>)
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {doc.parkingLot.length > 0 && (
          <p style={{ margin: '6px 0 0', ...muted }}>Parking lot: {doc.parkingLot.map((p) => p.idea).join('; ')}</p>
        )}
      </Part>
      <Part title="Lessons learned" testId="read-lessons">
        <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{doc.lessons || dash}</p>
      </Part>
    </div>
  );
}
