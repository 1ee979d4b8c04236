import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { Field, Section, grid } from '../fields';
import { FACTORS } from '../labels';
import { useDraft, useUpdate } from '../state/PanelState';

/** A list of short lines; each Remove button names the line it removes. */
function ListEditor({ label, field, testId }: { label: string; field: 'wentWell' | 'wentWrong'; testId: string }) {
  const items = useDraft((d) => d[field]);
  const update = useUpdate();
  const set = (change: (items: string[]) => string[]) => update((d) => ({ ...d, [field]: change(d[field]) }));
  return (
    <div data-testid={testId}>
      <strong>{label}</strong>
      {items.map((item, i) => (
        <div key={i} style={{ ...grid('1fr auto'), marginTop: 4 }}>
          <Textfield
            aria-label={`${label} ${i + 1}`}
            value={item}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set((xs) => xs.map((x, j) => (j === i ? v : x)));
            }}
          />
          <Button
            appearance="subtle"
            aria-label={`Remove "${label}" ${i + 1}${item ? `: ${item}` : ''}`}
            onClick={() => set((xs) => xs.filter((_, j) => j !== i))}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button
        appearance="subtle"
        testId={`${testId}-add`}
        aria-label={`Add to "${label}"`}
        isDisabled={items.length >= 20}
        onClick={() => set((xs) => [...xs, ''])}
      >
        Add
      </Button>
    </div>
  );
}

export function LearningSection() {
  const factors = useDraft((d) => d.contributingFactors);
  const lessons = useDraft((d) => d.lessons);
  const update = useUpdate();
  return (
    <>
      <Section title="Contributing factors" testId="factors-section">
        {FACTORS.map(([k, label]) => (
          <Field key={k} label={label} htmlFor={`factor-${k}`}>
            {(a11y) => (
              <TextArea
                {...a11y}
                id={`factor-${k}`}
                testId={`factor-${k}`}
                minimumRows={2}
                value={factors[k]}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((d) => ({ ...d, contributingFactors: { ...d.contributingFactors, [k]: v } }));
                }}
              />
            )}
          </Field>
        ))}
      </Section>
      <Section title="What went well and what went wrong">
        <div style={grid('1fr 1fr')}>
          <ListEditor label="What went well" field="wentWell" testId="went-well" />
          <ListEditor label="What went wrong" field="wentWrong" testId="went-wrong" />
        </div>
      </Section>
      <Section title="Lessons learned">
        <Field label="Lessons learned" htmlFor="lessons" hint="One or two paragraphs of genuine insight.">
          {(a11y) => (
            <TextArea
              {...a11y}
              id="lessons"
              testId="lessons"
              minimumRows={4}
              value={lessons}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((d) => ({ ...d, lessons: v }));
              }}
            />
          )}
        </Field>
      </Section>
    </>
  );
}
