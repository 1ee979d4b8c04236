import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ReportDetails } from '@shared/report';
import { CompletionChart, RepeatTrendChart, ResponseTimeChart } from './charts';
import { pct } from './format';
import { JqlLink } from './JqlLink';
import { BreakdownTable, ReviewTable } from './tables';

const block = { marginTop: token('space.400', '32px') } as const;

export function Details({ d }: { d: ReportDetails }) {
  return (
    <div data-testid="details">
      <section style={block} aria-label="Repeat incident rate">
        <Heading size="medium">Repeat incident rate by month</Heading>
        <p data-testid="rolling">
          {d.rolling
            .map(
              (r) =>
                `last ${r.days} days: ${pct(r.rate.value)} (${r.rate.numerator.count} of ${r.rate.denominator.count})`,
            )
            .join(' · ')}
        </p>
        <RepeatTrendChart trend={d.trend} />
        <JqlLink jql={d.patternsJql} label="From" testId="patterns-jql" />
      </section>
      <section style={block} aria-label="Completion by priority">
        <Heading size="medium">Action item completion by priority</Heading>
        <CompletionChart rows={d.byPriority} />
        {d.byPriority.map((p) => (
          <JqlLink key={p.priority} jql={p.completion.denominator.jql} label={p.priority} />
        ))}
      </section>
      <section style={block} aria-label="Open action items review">
        <Heading size="medium">Open action items: the next review starts here</Heading>
        <ReviewTable review={d.review} />
        <JqlLink jql={d.review.jql} />
      </section>
      <section style={block} aria-label="Pattern analysis">
        <Heading size="medium">Pattern analysis</Heading>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: token('space.300', '24px') }}>
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
            gridTemplateColumns: '1fr 1fr 1fr',
            gap: token('space.300', '24px'),
            marginTop: token('space.200', '16px'),
          }}
        >
          <div data-testid="chains">
            <Heading size="small">Repeat chains</Heading>
            {d.chains.length ? (
              <ul>
                {d.chains.map((c) => (
                  <li key={c.join('>')}>{c.join(' → ')}</li>
                ))}
              </ul>
            ) : (
              <p>No repeats.</p>
            )}
          </div>
          <div data-testid="themes">
            <Heading size="small">Recurring contributing factors</Heading>
            {d.themes.length ? (
              <ul>
                {d.themes.map((t) => (
                  <li key={t.term}>
                    {t.term} ({t.count} post-mortems)
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
              <ul>
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
        <Heading size="small">Time to acknowledge and to recover</Heading>
        <ResponseTimeChart trend={d.trend} />
      </section>
    </div>
  );
}
