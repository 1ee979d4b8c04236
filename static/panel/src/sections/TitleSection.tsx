import { Checkbox } from '@atlaskit/checkbox';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { composeTitle } from '@domain/rules';
import { POSTMORTEM_STATES, type PostMortem } from '@shared/postmortem';
import { Field, grid, nativeInput } from '../fields';
import { useDraft, usePanelData, useSyncSummary, useUpdate } from '../state/PanelState';

export const STATUS_LABEL: Record<PostMortem['status'], string> = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
};

/** Service, symptom and date compose the title; the status moves the post-mortem from draft to published. */
export function TitleSection() {
  const t = useDraft((d) => d.title);
  const status = useDraft((d) => d.status);
  const update = useUpdate();
  const summary = usePanelData().issue.summary;
  const [syncSummary, setSyncSummary] = useSyncSummary();
  const title = composeTitle(t);
  return (
    <div>
      <div style={grid('2fr 3fr 1.4fr 1.4fr')}>
        <Field label="Service" htmlFor="title-service">
          {(a11y) => (
            <Textfield
              {...a11y}
              id="title-service"
              testId="title-service"
              value={t.service}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((d) => ({
                  ...d,
                  title: { ...d.title, service: v },
                  service: d.service === d.title.service ? v : d.service,
                }));
              }}
            />
          )}
        </Field>
        <Field label="Symptom" htmlFor="title-symptom">
          {(a11y) => (
            <Textfield
              {...a11y}
              id="title-symptom"
              testId="title-symptom"
              value={t.symptom}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((d) => ({ ...d, title: { ...d.title, symptom: v } }));
              }}
            />
          )}
        </Field>
        <Field label="Date (UTC)" htmlFor="title-date">
          {(a11y) => (
            <input
              {...a11y}
              id="title-date"
              data-testid="title-date"
              type="date"
              style={nativeInput}
              value={t.date ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value || null;
                update((d) => ({ ...d, title: { ...d.title, date: v } }));
              }}
            />
          )}
        </Field>
        <Field label="Status" htmlFor="pm-status-select">
          {() => (
            <Select
              inputId="pm-status-select"
              testId="status-select"
              options={POSTMORTEM_STATES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
              value={{ value: status, label: STATUS_LABEL[status] }}
              onChange={(o) => {
                if (o) update((d) => ({ ...d, status: o.value }));
              }}
            />
          )}
        </Field>
      </div>
      <p data-testid="composed-title" style={{ margin: 0, fontWeight: 600 }}>
        {title}
      </p>
      <Checkbox
        testId="sync-summary"
        isChecked={syncSummary}
        onChange={(e) => setSyncSummary(e.currentTarget.checked)}
        label={
          summary === title
            ? 'The issue summary matches this title'
            : `Use this title as the issue summary (now: "${summary}")`
        }
      />
    </div>
  );
}
