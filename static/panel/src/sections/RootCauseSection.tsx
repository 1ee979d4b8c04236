import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { rootCauseWarning } from '@domain/rules';
import { Field, Section, grid } from '../fields';
import { useDraft, usePanelData, useUpdate } from '../state/PanelState';
import { SimilarIncidents } from './SimilarIncidents';

export function RootCauseSection() {
  const rootCause = useDraft((d) => d.rootCause);
  const category = useDraft((d) => d.category);
  const service = useDraft((d) => d.service);
  const categories = usePanelData().categories;
  const update = useUpdate();
  const options = [...new Set([...categories, ...(category ? [category] : [])])].map((c) => ({ value: c, label: c }));
  return (
    <Section title="Root cause" testId="rootcause-section">
      <Field
        label="Root cause"
        htmlFor="root-cause"
        hint="Two or three sentences. Technical but readable."
        warning={rootCauseWarning(rootCause)}
      >
        {(a11y) => (
          <TextArea
            {...a11y}
            id="root-cause"
            testId="root-cause"
            minimumRows={3}
            value={rootCause}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((d) => ({ ...d, rootCause: v }));
            }}
          />
        )}
      </Field>
      <div style={grid('1fr 1fr')}>
        <Field label="Root-cause category" htmlFor="category-select" hint="The project's list of categories">
          {(a11y) => (
            <Select
              inputId="category-select"
              testId="category-select"
              aria-describedby={a11y['aria-describedby']}
              options={options}
              value={category ? { value: category, label: category } : null}
              placeholder="Choose a category"
              onChange={(o) => {
                if (o) update((d) => ({ ...d, category: o.value }));
              }}
            />
          )}
        </Field>
        <Field label="Affected service" htmlFor="service">
          {(a11y) => (
            <Textfield
              {...a11y}
              id="service"
              testId="service"
              value={service}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((d) => ({ ...d, service: v }));
              }}
            />
          )}
        </Field>
      </div>
      <SimilarIncidents />
    </Section>
  );
}
