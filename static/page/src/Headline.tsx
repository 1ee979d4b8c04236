import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ActionStates as States, Ratio, ReportHeadlineAnswer } from '@shared/report';
import { card, FigureCard } from './FigureCard';
import { dayLabel, num, pct } from './format';
import { JqlDisclosure, JqlLink } from './JqlLink';

const ratioJql = (r: Ratio, of: string, all: string) => [
  { label: of, jql: r.numerator.jql },
  { label: all, jql: r.denominator.jql },
];
const counts = (r: Ratio) => `${num(r.numerator.count)} of ${num(r.denominator.count)}`;

const STATES: { key: keyof States; label: string }[] = [
  { key: 'done', label: 'Done' },
  { key: 'openNotDue', label: 'Open, not yet due' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'noDueDate', label: 'Open, no due date' },
  { key: 'dropped', label: 'Dropped' },
];

/** The window's action tickets by state: they add up to all of them. */
function ActionStates({ states, definition }: { states: States; definition: string }) {
  return (
    <div style={card} data-testid="action-states" role="group" aria-label="Action tickets by state">
      <div style={{ color: token('color.text.subtle', '#44546F') }}>Action tickets by state</div>
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: token('space.100', '8px') }}>
        <tbody>
          {STATES.map((s) => (
            <tr key={s.key} data-testid={`state-${s.key}`}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                {s.label}
              </th>
              <td data-testid={`state-${s.key}-count`} style={{ textAlign: 'right', fontWeight: 600 }}>
                {num(states[s.key].count ?? 0)}
              </td>
              <td style={{ textAlign: 'right' }}>
                <JqlLink jql={states[s.key].jql ?? ''} name={`${s.label.toLowerCase()} action tickets`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ fontSize: 12, color: token('color.text.subtlest', '#626F86') }}>{definition}</p>
      <JqlDisclosure
        name="action tickets by state"
        items={STATES.map((s) => ({ label: s.label, jql: states[s.key].jql ?? '' }))}
        testId="action-states-jql-disclosure"
      />
    </div>
  );
}

/** The figures a manager reads first, each with what it counts and the search behind it. */
export function Headline({ answer }: { answer: ReportHeadlineAnswer }) {
  const { headline: h, definitions: d, window: w, indexLag } = answer;
  const def = (id: string) => d[id] ?? '';
  return (
    <>
      <p
        data-testid="window"
        style={{ color: token('color.text.subtle', '#44546F'), marginBottom: token('space.200', '16px') }}
      >
        Window: {dayLabel(w.from)} to {dayLabel(w.today)} ({w.days} days; days end at midnight in {w.timeZone},{' '}
        {w.zoneSource}).
      </p>
      {indexLag.length > 0 && (
        <SectionMessage appearance="warning" title="The report lags for some post-mortems" testId="index-lag">
          <p>
            {indexLag.length === 1 ? 'One post-mortem was' : `${indexLag.length} post-mortems were`} saved, but the copy
            the report reads was not updated: {indexLag.map((l) => l.key).join(', ')}. Their figures here show the
            earlier version until someone saves them again.
          </p>
        </SectionMessage>
      )}
      <section
        aria-label="Headline figures"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))',
          gap: token('space.200', '16px'),
        }}
      >
        <FigureCard
          name="Action items completed"
          value={pct(h.completion.value)}
          counts={counts(h.completion)}
          definition={def('completion')}
          note="The article quotes 30% as the industry rate (its claim)."
          jql={ratioJql(h.completion, 'done', 'all')}
          testId="completion"
        />
        <FigureCard
          name="Completed on time"
          value={pct(h.onTime.value)}
          counts={counts(h.onTime)}
          definition={def('onTime')}
          note={
            h.unjudged.length > 0
              ? `${h.unjudged.length} done without a resolution date, not counted as on time: ${h.unjudged.join(', ')}.`
              : undefined
          }
          jql={ratioJql(h.onTime, 'on time', 'done or past due')}
          testId="ontime"
        />
        <FigureCard
          name="Repeat incident rate"
          value={pct(h.repeatRate.value)}
          counts={counts(h.repeatRate)}
          definition={def('repeatRate')}
          note={
            <span data-testid="unpublished">
              {h.unpublished.count === 0
                ? 'Every incident of the window has a published post-mortem.'
                : `${num(h.unpublished.count)} of the window's ${num(h.incidents.count)} incidents have no published post-mortem yet and are not counted.`}
            </span>
          }
          jql={[
            ...ratioJql(h.repeatRate, 'repeats', 'published post-mortems'),
            { label: 'without a published post-mortem', jql: h.unpublished.jql },
          ]}
          testId="repeat-rate"
        />
        <FigureCard
          name="Repeats while earlier actions were open"
          value={num(h.repeatsWhileOpen.count)}
          definition={def('repeatsWhileOpen')}
          jql={[{ label: 'repeats while open', jql: h.repeatsWhileOpen.jql }]}
          testId="repeat-open"
        />
        <FigureCard
          name="Overdue action items"
          value={num(h.overdue.count)}
          definition={def('overdue')}
          jql={[{ label: 'overdue', jql: h.overdue.jql }]}
          testId="overdue"
        />
        <FigureCard
          name="Incidents"
          value={num(h.incidents.count)}
          definition={def('incidents')}
          jql={[{ label: 'incidents', jql: h.incidents.jql }]}
          testId="incidents"
        />
        <ActionStates states={h.actions} definition={`${def('actions')} ${def('dropped')}`} />
      </section>
    </>
  );
}
