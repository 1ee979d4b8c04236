import { token } from '@atlaskit/tokens';
import type { JqlCount, Ratio, ReportHeadline } from '@shared/report';
import { pct } from './format';
import { JqlLink } from './JqlLink';

const card = {
  border: `1px solid ${token('color.border', '#091E4224')}`,
  borderRadius: 4,
  padding: token('space.200', '16px'),
  background: token('elevation.surface.raised', '#FFFFFF'),
} as const;

function RatioCard({ label, ratio, note, testId }: { label: string; ratio: Ratio; note?: string; testId: string }) {
  return (
    <div style={card} data-testid={testId}>
      <div style={{ color: token('color.text.subtle', '#44546F') }}>{label}</div>
      <div data-testid={`${testId}-value`} style={{ font: token('font.heading.xlarge', 'bold 29px sans-serif') }}>
        {pct(ratio.value)}
      </div>
      <div data-testid={`${testId}-counts`}>
        {ratio.numerator.count.toLocaleString('en-US')} of {ratio.denominator.count.toLocaleString('en-US')}
      </div>
      {note && <div style={{ fontSize: 12, color: token('color.text.subtlest', '#626F86') }}>{note}</div>}
      <JqlLink jql={ratio.numerator.jql} label="of" testId={`${testId}-jql`} />
      <JqlLink jql={ratio.denominator.jql} label="all" />
    </div>
  );
}

function CountCard({ label, count, note, testId }: { label: string; count: JqlCount; note?: string; testId: string }) {
  return (
    <div style={card} data-testid={testId}>
      <div style={{ color: token('color.text.subtle', '#44546F') }}>{label}</div>
      <div data-testid={`${testId}-value`} style={{ font: token('font.heading.xlarge', 'bold 29px sans-serif') }}>
        {count.count.toLocaleString('en-US')}
      </div>
      {note && <div style={{ fontSize: 12, color: token('color.text.subtlest', '#626F86') }}>{note}</div>}
      <JqlLink jql={count.jql} testId={`${testId}-jql`} />
    </div>
  );
}

/** The figures a manager reads first: they come from one round of counts and show before anything else. */
export function Headline({ h, windowDays }: { h: ReportHeadline; windowDays: number }) {
  return (
    <section
      aria-label="Headline figures"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))',
        gap: token('space.200', '16px'),
      }}
    >
      <RatioCard
        label="Action items completed"
        ratio={h.completion}
        note={`Tickets created in the last ${windowDays} days. The article quotes 30% as the industry rate (its claim).`}
        testId="completion"
      />
      <RatioCard label="Completed on time" ratio={h.onTime} note="Resolved on or before the due date" testId="ontime" />
      <RatioCard
        label="Repeat incident rate"
        ratio={h.repeatRate}
        note="Published post-mortems confirmed as the same root cause as an earlier incident"
        testId="repeat-rate"
      />
      <CountCard
        label="Repeats while earlier actions were open"
        count={h.repeatsWhileOpen}
        note="The follow-up that might have prevented them was unfinished"
        testId="repeat-open"
      />
      <CountCard
        label="Overdue action items"
        count={h.overdue}
        note="Open, past their due date (any age)"
        testId="overdue"
      />
      <CountCard label="Incidents" count={h.incidents} testId="incidents" />
    </section>
  );
}
