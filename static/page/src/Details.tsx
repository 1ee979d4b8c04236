import { Fragment } from 'react';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ReportDetails, WindowInfo } from '@shared/report';
import {
  CompletionChart,
  CompletionTable,
  RepeatTrendChart,
  RepeatTrendTable,
  ResponseTimeChart,
  ResponseTimeTable,
} from './charts';
import { dayLabel, pct } from './format';
import { JqlDisclosure, JqlLink } from './JqlLink';
import { BreakdownTable, ReviewTable } from './tables';

const block = { marginTop: token('space.400', '32px') } as const;
const list = { paddingLeft: token('space.250', '20px') } as const;
const scopeStyle = { fontSize: 12, color: token('color.text.subtlest', '#626F86') } as const;

export function Details({ d, window: w }: { d: ReportDetails; window: WindowInfo }) {
  const dead = new Set(d.deadKeys);
  const patternScope = `Published post-mortems of incidents created ${dayLabel(d.patternsFrom)} to ${dayLabel(d.patternsTo)} (${w.timeZone}), with the filters above.`;
  const reviewCount = d.review.doneSinceLastReview.length + d.review.inProgress.length + d.review.notStarted.length;
  return (
    <div data-testid="details">
      {!d.history.complete && (
        <SectionMessage appearance="information" title="History being prepared">
          <p data-testid="history-status">
            History being prepared: {d.history.ready} of {d.history.total} months ready. The monthly trend and the
            patterns below appear when every month is ready (usually within minutes); the figures above and the
            completion by priority are complete now.
          </p>
        </SectionMessage>
      )}
      <section style={block} aria-label="Repeat incident rate by month">
        <Heading size="medium">Repeat incident rate by month</Heading>
        <p style={scopeStyle} data-testid="trend-scope">
          Published post-mortems by the calendar month their incident was created, from {dayLabel(d.trendFrom)} (
          {w.timeZone}), with the filters above. Months without a published post-mortem show no rate.
        </p>
        <p data-testid="rolling">
          {d.rolling
            .map(
              (r) =>
                `last ${r.days} days: ${pct(r.rate.value)} (${r.rate.numerator.count} of ${r.rate.denominator.count})`,
            )
            .join(' · ')}
        </p>
        <RepeatTrendChart trend={d.trend} />
        <RepeatTrendTable trend={d.trend} />
        <JqlLink jql={d.patternsJql} name="post-mortems behind the trend and patterns" testId="patterns-jql" />
        <JqlDisclosure
          name="the trend and rolling rates"
          items={[
            { label: 'post-mortems read', jql: d.patternsJql },
            ...d.rolling.flatMap((r) => [
              { label: `repeats, last ${r.days} days`, jql: r.rate.numerator.jql },
              { label: `published, last ${r.days} days`, jql: r.rate.denominator.jql },
            ]),
          ]}
        />
      </section>
      <section style={block} aria-label="Completion by priority">
        <Heading size="medium">Action item completion by priority</Heading>
        <p style={scopeStyle}>
          Action tickets created in the window, done of all, by the priority of their action item.
        </p>
        <CompletionChart rows={d.byPriority} />
        <CompletionTable rows={d.byPriority} />
        <JqlDisclosure
          name="completion by priority"
          items={d.byPriority.flatMap((p) => [
            { label: `${p.priority} done`, jql: p.completion.numerator.jql },
            { label: `${p.priority} all`, jql: p.completion.denominator.jql },
          ])}
        />
        {d.missingTickets.length > 0 && (
          <SectionMessage appearance="warning" title="Tickets no longer in this project" testId="missing-tickets">
            <p>
              {d.missingTickets.length} action item{d.missingTickets.length === 1 ? '' : 's'} of the window&apos;s
              post-mortems point to a ticket that was moved to another project or deleted, and{' '}
              {d.missingTickets.length === 1 ? 'is' : 'are'} not counted in the figures above:{' '}
              {d.missingTickets.map((m) => `${m.key} (from ${m.incident})`).join(', ')}.
            </p>
          </SectionMessage>
        )}
      </section>
      <section style={block} aria-label="Open action items review">
        <Heading size="medium">Open action items: the next review starts here</Heading>
        <p style={scopeStyle} data-testid="review-scope">
          Open action tickets of every age, and those done since the last review (
          {dayLabel(d.review.lastReviewAt.slice(0, 10))}).{' '}
          {d.reviewTruncated
            ? `Showing the first ${d.reviewLimit} of ${d.reviewTotal} by due date: open the search for all of them.`
            : `${reviewCount} in all.`}
        </p>
        {d.missingTickets.length > 0 && (
          <p style={scopeStyle} data-testid="review-missing">
            Not in this list because their ticket left the project (moved or deleted):{' '}
            {d.missingTickets.map((m) => m.key).join(', ')}.
          </p>
        )}
        <ReviewTable review={d.review} />
        <JqlLink jql={d.review.jql} name="the review's action tickets" testId="review-jql" />
        <JqlDisclosure name="the review list" items={[{ label: 'review', jql: d.review.jql }]} />
      </section>
      <section style={block} aria-label="Pattern analysis">
        <Heading size="medium">Pattern analysis</Heading>
        <p style={scopeStyle} data-testid="patterns-scope">
          {patternScope}
        </p>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
            marginTop: token('space.200', '16px'),
            gap: token('space.300', '24px'),
          }}
        >
          <div>
            <Heading size="small">Root-cause categories</Heading>
            <BreakdownTable what="Category" rows={d.categories} testId="categories-table" />
          </div>
          <div>
            <Heading size="small">Services (SLO budget and revenue impact)</Heading>
            <BreakdownTable what="Service" rows={d.services} testId="services-table" />
          </div>
        </div>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            gap: token('space.300', '24px'),
            marginTop: token('space.200', '16px'),
          }}
        >
          <div data-testid="chains">
            <Heading size="small">Repeat chains</Heading>
            <p style={scopeStyle}>From {dayLabel(d.trendFrom)}; the earliest incident first.</p>
            {d.chains.length ? (
              <ul style={list}>
                {d.chains.map((c) => (
                  <li key={c.join('>')}>
                    {c.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 && ' → '}
                        {/* A key breaks between keys, never at its hyphen. */}
                        <span style={{ whiteSpace: 'nowrap' }}>{dead.has(k) ? `${k} (no longer exists)` : k}</span>
                      </Fragment>
                    ))}
                  </li>
                ))}
              </ul>
            ) : (
              <p>No repeats.</p>
            )}
          </div>
          <div data-testid="themes">
            <Heading size="small">Recurring contributing factors</Heading>
            {d.themes.length ? (
              <ul style={list}>
                {d.themes.map((t) => (
                  <li key={t.phrase}>
                    {t.phrase} ({t.count} post-mortems)
                  </li>
                ))}
              </ul>
            ) : (
              <p>None recur.</p>
            )}
          </div>
          <div data-testid="ideas">
            <Heading size="small">Parking-lot ideas that came back</Heading>
            {d.parkingIdeas.length ? (
              <ul style={list}>
                {d.parkingIdeas.map((t) => (
                  <li key={t.idea}>
                    {t.idea} ({t.count} post-mortems)
                  </li>
                ))}
              </ul>
            ) : (
              <p>None came back yet.</p>
            )}
          </div>
        </div>
        <div style={{ marginTop: token('space.300', '24px') }}>
          <Heading size="small">Time to acknowledge and to recover</Heading>
        </div>
        <p style={scopeStyle}>Medians of the published post-mortems by month, from {dayLabel(d.trendFrom)}.</p>
        <ResponseTimeChart trend={d.trend} />
        <ResponseTimeTable trend={d.trend} />
      </section>
    </div>
  );
}
