import { useEffect, useState } from 'react';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { FollowUpReport } from '@shared/follow-up';
import type { AppError } from '@shared/result';
import { call } from '@ui/api';
import { ErrorMessage } from '@ui/ErrorMessage';
import { JqlLink } from './JqlLink';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** "Did the action hold?" and slipped tickets: the follow-up figures, each with what it counts. */
export function FollowUpCard() {
  const [data, setData] = useState<FollowUpReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    void call('report/followup', {}).then((r) => (r.ok ? setData(r.data) : setError(r.error)));
  }, []);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  const preparing = data.status.kind === 'preparing';
  const box = { border: `1px solid ${token('color.border', '#091E4224')}`, borderRadius: 4, padding: 12 };
  return (
    <section data-testid="followup-card" style={{ marginTop: token('space.300', '24px') }}>
      <Heading size="medium">Did the action hold?</Heading>
      {data.status.kind === 'preparing' && (
        <SectionMessage appearance="information" title="Follow-up figures being prepared">
          <p data-testid="followup-status">
            {data.status.reason === 'building'
              ? 'This project is large: its action tickets are being read into the app once (usually within minutes). '
              : "Jira's counts of this project's action tickets or post-mortems differ from the app's prepared data " +
                '(tickets deleted, moved or detached since, or ones you cannot see); it is being checked again. '}
            The held rate, fixed-but-recurred and late follow-up appear when it is ready; the slipped count is current.
          </p>
        </SectionMessage>
      )}
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 12, marginTop: 8 }}
      >
        {!preparing && (
          <>
            <div style={box} data-testid="followup-held">
              <strong style={{ fontSize: 24 }}>{pct(data.held.rate)}</strong>
              <p>
                held: {data.held.count} of {data.held.tested} incidents whose actions were all done have had no
                confirmed repeat for {data.holdDays} days (or recurred)
              </p>
            </div>
            <div style={box} data-testid="followup-fixed-recurred">
              <strong style={{ fontSize: 24 }}>{data.fixedButRecurred.count}</strong>
              <p>fixed but recurred: repeats of an incident whose actions were all done (the fix did not hold)</p>
              <JqlLink jql={data.fixedButRecurred.jql} name="fixed but recurred" />
            </div>
            <div style={box} data-testid="followup-late">
              <strong style={{ fontSize: 24 }}>{data.lateFollowUp.count}</strong>
              <p>late follow-up: repeats while the earlier incident still had open actions</p>
              <JqlLink jql={data.lateFollowUp.jql} name="late follow-up" />
            </div>
          </>
        )}
        <div style={box} data-testid="followup-slipped">
          <strong style={{ fontSize: 24 }}>{data.slipped.count}</strong>
          <p>slipped: action tickets that fell out of a closed sprint unfinished (moved on or flagged)</p>
          <JqlLink jql={data.slipped.jql} name="slipped action tickets" />
        </div>
      </div>
      {!preparing && data.fixedButRecurred.cases.length > 0 && (
        // Folded: the list can be long, and the figure above already says how many.
        <details data-testid="followup-cases-disclosure" style={{ marginTop: 8 }}>
          <summary style={{ cursor: 'pointer' }}>
            Which incidents recurred after all their actions were done ({data.fixedButRecurred.cases.length})
          </summary>
          <table data-testid="followup-cases" style={{ marginTop: 8 }}>
            <caption style={{ textAlign: 'left' }}>Fixed but recurred</caption>
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Repeat of (all actions done)</th>
              </tr>
            </thead>
            <tbody>
              {data.fixedButRecurred.cases.map((c) => (
                <tr key={c.incident}>
                  <td>{c.incident}</td>
                  <td>{c.earlier}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
