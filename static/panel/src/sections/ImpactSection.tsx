import Textfield from '@atlaskit/textfield';
import { timelineFigures } from '@domain/timeline';
import type { PostMortem } from '@shared/postmortem';
import { formatMinutes } from '@ui/format';
import { numberOrNull } from '../doc-state';
import { Field, Section, grid } from '../fields';
import { useDraft, useUpdate } from '../state/PanelState';

const range = (v: number | null, min: number, max: number, what: string) =>
  v !== null && (v < min || v > max) ? `${what} must be between ${min} and ${max.toLocaleString('en-US')}` : null;

const unit = (text: string) => <span style={{ paddingRight: 8 }}>{text}</span>;

export function ImpactSection() {
  const i = useDraft((d) => d.impact);
  const timeline = useDraft((d) => d.timeline);
  const update = useUpdate();
  const derived = timelineFigures(timeline).totalDurationMinutes;
  const set = (patch: Partial<PostMortem['impact']>) => update((d) => ({ ...d, impact: { ...d.impact, ...patch } }));
  return (
    <Section title="Impact" testId="impact-section">
      <div style={grid('1fr 1fr 1fr 1fr')}>
        <Field
          label="Duration (minutes)"
          htmlFor="impact-duration"
          hint={
            i.durationMinutesOverride === null
              ? `From the timeline: ${formatMinutes(derived)}`
              : 'Overrides the timeline; clear to derive it'
          }
          error={range(i.durationMinutesOverride, 0, 525_600, 'Duration')}
        >
          {(a11y) => (
            <Textfield
              {...a11y}
              id="impact-duration"
              testId="impact-duration"
              type="number"
              min={0}
              placeholder={derived !== null ? String(derived) : ''}
              value={i.durationMinutesOverride ?? ''}
              onChange={(e) => set({ durationMinutesOverride: numberOrNull(e.currentTarget.value) })}
              elemAfterInput={unit('min')}
            />
          )}
        </Field>
        <Field
          label="Users affected"
          htmlFor="impact-users"
          error={range(i.usersAffected, 0, 10_000_000_000, 'Users affected')}
        >
          {(a11y) => (
            <Textfield
              {...a11y}
              id="impact-users"
              testId="impact-users"
              type="number"
              min={0}
              value={i.usersAffected ?? ''}
              onChange={(e) => set({ usersAffected: numberOrNull(e.currentTarget.value) })}
              elemAfterInput={unit('users')}
            />
          )}
        </Field>
        <Field
          label="Revenue impact"
          htmlFor="impact-revenue"
          hint="Amount and ISO currency"
          error={
            i.revenue
              ? (range(i.revenue.amount, 0, 1e12, 'Revenue') ??
                (/^[A-Z]{3}$/.test(i.revenue.currency) ? null : 'Currency must be a 3-letter code such as USD'))
              : null
          }
        >
          {(a11y) => (
            <div style={grid('2fr 1fr')}>
              <Textfield
                {...a11y}
                id="impact-revenue"
                testId="impact-revenue"
                type="number"
                min={0}
                value={i.revenue?.amount ?? ''}
                onChange={(e) => {
                  const n = numberOrNull(e.currentTarget.value);
                  set({ revenue: n === null ? null : { amount: n, currency: i.revenue?.currency ?? 'USD' } });
                }}
              />
              <Textfield
                {...a11y}
                aria-label="Revenue currency"
                testId="impact-currency"
                maxLength={3}
                value={i.revenue?.currency ?? 'USD'}
                onChange={(e) => {
                  const c = e.currentTarget.value.toUpperCase();
                  if (i.revenue) set({ revenue: { ...i.revenue, currency: c } });
                }}
              />
            </div>
          )}
        </Field>
        <Field label="SLO budget consumed" htmlFor="impact-slo" error={range(i.sloBudgetPct, 0, 1000, 'SLO budget')}>
          {(a11y) => (
            <Textfield
              {...a11y}
              id="impact-slo"
              testId="impact-slo"
              type="number"
              min={0}
              value={i.sloBudgetPct ?? ''}
              onChange={(e) => set({ sloBudgetPct: numberOrNull(e.currentTarget.value) })}
              elemAfterInput={unit('%')}
            />
          )}
        </Field>
      </div>
    </Section>
  );
}
