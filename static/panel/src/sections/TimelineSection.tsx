import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { prefillFromHistory } from '@domain/history';
import { milestonesOutOfOrder, timelineFigures } from '@domain/timeline';
import { MILESTONES, MILESTONE_LABELS, type Timeline } from '@shared/postmortem';
import { formatMinutes, formatUtc } from '@ui/format';
import { browserZone, localInputToUtc, utcToLocalInput } from '@ui/time';
import { Field, Section, grid, nativeInput } from '../fields';
import { useDraft, usePanelData, useUpdate } from '../state/PanelState';

export function TimelineSection() {
  const t = useDraft((d) => d.timeline);
  const history = usePanelData().history;
  const update = useUpdate();
  const f = timelineFigures(t);
  const problems = milestonesOutOfOrder(t);
  const setTimeline = (change: (t: Timeline) => Timeline) => update((d) => ({ ...d, timeline: change(d.timeline) }));
  const prefill = prefillFromHistory(t, history);
  return (
    <Section title="Timeline (UTC)" testId="timeline-section">
      <p style={{ marginTop: 0 }}>Enter times in your zone ({browserZone()}); they are stored and shown in UTC.</p>
      <div style={grid('1fr 1fr 1fr')}>
        {MILESTONES.map((m) => (
          <Field key={m} label={MILESTONE_LABELS[m]} htmlFor={`tl-${m}`} hint={t[m] ? formatUtc(t[m]) : 'not recorded'}>
            {(a11y) => (
              <input
                {...a11y}
                id={`tl-${m}`}
                data-testid={`tl-${m}`}
                type="datetime-local"
                style={nativeInput}
                value={utcToLocalInput(t[m])}
                onChange={(e) => {
                  const at = localInputToUtc(e.currentTarget.value);
                  setTimeline((x) => ({ ...x, [m]: at }));
                }}
              />
            )}
          </Field>
        ))}
      </div>
      {prefill.filled.length > 0 && (
        <Button testId="prefill-history" onClick={() => setTimeline((x) => prefillFromHistory(x, history).timeline)}>
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
          <div key={i} style={{ ...grid('1fr 3fr auto'), marginBottom: 4 }}>
            <input
              aria-label={`Time of timeline entry ${i + 1}`}
              type="datetime-local"
              style={nativeInput}
              value={utcToLocalInput(e.at)}
              onChange={(ev) => {
                const at = localInputToUtc(ev.currentTarget.value);
                if (at) setTimeline((x) => ({ ...x, extra: x.extra.map((y, j) => (j === i ? { ...y, at } : y)) }));
              }}
            />
            <Textfield
              aria-label={`Timeline entry ${i + 1}`}
              value={e.text}
              onChange={(ev) => {
                const text = ev.currentTarget.value;
                setTimeline((x) => ({ ...x, extra: x.extra.map((y, j) => (j === i ? { ...y, text } : y)) }));
              }}
            />
            <Button
              appearance="subtle"
              aria-label={`Remove timeline entry ${i + 1}${e.text ? `: ${e.text}` : ''}`}
              onClick={() => setTimeline((x) => ({ ...x, extra: x.extra.filter((_, j) => j !== i) }))}
            >
              Remove
            </Button>
          </div>
        ))}
        <Button
          appearance="subtle"
          testId="add-timeline-entry"
          onClick={() =>
            setTimeline((x) => ({
              ...x,
              extra: [...x.extra, { at: x.alertAt ?? `${new Date().toISOString().slice(0, 16)}Z`, text: '' }],
            }))
          }
        >
          Add a timeline entry
        </Button>
      </div>
    </Section>
  );
}
