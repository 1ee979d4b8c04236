import { Checkbox } from '@atlaskit/checkbox';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { composeTitle } from '@domain/rules';
import { POSTMORTEM_STATES, type PostMortem } from '@shared/postmortem';
import type { Update } from '../doc-state';
import { Field, grid, nativeInput } from '../fields';

const STATUS_LABEL: Record<PostMortem['status'], string> = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
};

export function TitleSection({
  doc,
  update,
  summary,
  syncSummary,
  setSyncSummary,
}: {
  doc: PostMortem;
  update: Update;
  summary: string;
  syncSummary: boolean;
  setSyncSummary: (v: boolean) => void;
}) {
  const title = composeTitle(doc.title);
  return (
    <div>
      <div style={grid('2fr 3fr 1fr 1fr')}>
        <Field label="Service" htmlFor="title-service">
          <Textfield
            id="title-service"
            testId="title-service"
            value={doc.title.service}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((d) => ({
                ...d,
                title: { ...d.title, service: v },
                service: d.service === d.title.service ? v : d.service,
              }));
            }}
          />
        </Field>
        <Field label="Symptom" htmlFor="title-symptom">
          <Textfield
            id="title-symptom"
            testId="title-symptom"
            value={doc.title.symptom}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((d) => ({ ...d, title: { ...d.title, symptom: v } }));
            }}
          />
        </Field>
        <Field label="Date (UTC)" htmlFor="title-date">
          <input
            id="title-date"
            data-testid="title-date"
            type="date"
            style={nativeInput}
            value={doc.title.date ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value || null;
              update((d) => ({ ...d, title: { ...d.title, date: v } }));
            }}
          />
        </Field>
        <Field label="Status" htmlFor="pm-status-select">
          <Select
            inputId="pm-status-select"
            testId="status-select"
            options={POSTMORTEM_STATES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            value={{ value: doc.status, label: STATUS_LABEL[doc.status] }}
            onChange={(o) => {
              if (o) update((d) => ({ ...d, status: o.value }));
            }}
          />
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
