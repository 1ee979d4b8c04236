import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { prefillFromHistory, type IssueHistory } from '@domain/history';
import { milestonesOutOfOrder, timelineFigures } from '@domain/timeline';
import { MILESTONES, MILESTONE_LABELS, type PostMortem } from '@shared/postmortem';
import { formatMinutes, formatUtc } from '@ui/format';
import { browserZone, localInputToUtc, utcToLocalInput } from '@ui/time';
import type { Update } from '../doc-state';
import { Field, Section, grid, nativeInput } from '../fields';

export function TimelineSection({ doc, update, history }: { doc: PostMortem; update: Update; history: IssueHistory }) {
  const t = doc.timeline;
  const f = timelineFigures(t);
  const problems = milestonesOutOfOrder(t);
  const setAt = (m: (typeof MILESTONES)[number], v: string) =>
    update((d) => ({ ...d, timeline: { ...d.timeline, [m]: localInputToUtc(v) } }));
  const prefill = prefillFromHistory(t, history);
  return (
    <Section title="Timeline (UTC)" testId="timeline-section">
      <p style={{ marginTop: 0 }}>Enter times in your zone ({browserZone()}); they are stored and shown in UTC.</p>
      <div style={grid('1fr 1fr 1fr')}>
        {MILESTONES.map((m) => (
          <Field key={m} label={MILESTONE_LABELS[m]} htmlFor={`tl-${m}`} hint={t[m] ? formatUtc(t[m]) : 'not recorded'}>
            <input
              id={`tl-${m}`}
              data-testid={`tl-${m}`}
              type="datetime-local"
              style={nativeInput}
              value={utcToLocalInput(t[m])}
              onChange={(e) => setAt(m, e.currentTarget.value)}
            />
          </Field>
        ))}
      </div>
      {prefill.filled.length > 0 && (
        <Button
          testId="prefill-history"
          onClick={() => update((d) => ({ ...d, timeline: prefillFromHistory(d.timeline, history).timeline }))}
        >
          Prefill {prefill.filled.length} empty milestone{prefill.filled.length > 1 ? 's' : ''} from Jira history
        </Button>
      )}
      {problems.length > 0 && (
        <SectionMessage appearance="warning" title="Milestones out of order" testId="timeline-order">
          <ul>
            {problems.map((p) => (
              <li key={p.milestone}>{p.message}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      <p data-testid="timeline-figures" style={{ fontWeight: 600 }}>
        Time to acknowledge {formatMinutes(f.timeToAcknowledgeMinutes)} · to identify{' '}
        {formatMinutes(f.timeToIdentifyMinutes)} · to fix {formatMinutes(f.timeToFixMinutes)} · to recover{' '}
        {formatMinutes(f.timeToRecoverMinutes)} · total {formatMinutes(f.totalDurationMinutes)}
      </p>
      <div>
        {t.extra.map((e, i) => (
          <div key={i} style={grid('1fr 3fr auto')}>
            <input
              aria-label="Extra entry time"
              type="datetime-local"
              style={nativeInput}
              value={utcToLocalInput(e.at)}
              onChange={(ev) => {
                const at = localInputToUtc(ev.currentTarget.value);
                if (at)
                  update((d) => ({
                    ...d,
                    timeline: { ...d.timeline, extra: d.timeline.extra.map((x, j) => (j === i ? { ...x, at } : x)) },
                  }));
              }}
            />
            <Textfield
              aria-label="Extra entry"
              value={e.text}
              onChange={(ev) => {
                const text = ev.currentTarget.value;
                update((d) => ({
                  ...d,
                  timeline: { ...d.timeline, extra: d.timeline.extra.map((x, j) => (j === i ? { ...x, text } : x)) },
                }));
              }}
            />
            <Button
              appearance="subtle"
              onClick={() =>
                update((d) => ({
                  ...d,
                  timeline: { ...d.timeline, extra: d.timeline.extra.filter((_, j) => j !== i) },
                }))
              }
            >
              Remove
            </Button>
          </div>
        ))}
        <Button
          appearance="subtle"
          testId="add-timeline-entry"
          onClick={() =>
            update((d) => ({
              ...d,
              timeline: {
                ...d.timeline,
                extra: [
                  ...d.timeline.extra,
                  { at: d.timeline.alertAt ?? `${new Date().toISOString().slice(0, 16)}Z`, text: '' },
                ],
              },
            }))
          }
        >
          Add a timeline entry
        </Button>
      </div>
    </Section>
  );
}
