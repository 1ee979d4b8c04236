import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import type { PostMortem } from '@shared/postmortem';
import type { Update } from '../doc-state';
import { Field, Section, grid } from '../fields';

const FACTORS: [keyof PostMortem['contributingFactors'], string][] = [
  ['possible', 'What made the incident possible'],
  ['detection', 'What made detection slow'],
  ['resolution', 'What made resolution slow'],
];

function ListEditor({
  label,
  items,
  onChange,
  testId,
}: {
  label: string;
  items: string[];
  onChange: (items: string[]) => void;
  testId: string;
}) {
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
              onChange(items.map((x, j) => (j === i ? v : x)));
            }}
          />
          <Button appearance="subtle" onClick={() => onChange(items.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </div>
      ))}
      <Button
        appearance="subtle"
        testId={`${testId}-add`}
        isDisabled={items.length >= 20}
        onClick={() => onChange([...items, ''])}
      >
        Add
      </Button>
    </div>
  );
}

export function LearningSection({ doc, update }: { doc: PostMortem; update: Update }) {
  return (
    <>
      <Section title="Contributing factors" testId="factors-section">
        {FACTORS.map(([k, label]) => (
          <Field key={k} label={label} htmlFor={`factor-${k}`}>
            <TextArea
              id={`factor-${k}`}
              testId={`factor-${k}`}
              minimumRows={2}
              value={doc.contributingFactors[k]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((d) => ({ ...d, contributingFactors: { ...d.contributingFactors, [k]: v } }));
              }}
            />
          </Field>
        ))}
      </Section>
      <Section title="What went well and what went wrong">
        <div style={grid('1fr 1fr')}>
          <ListEditor
            label="What went well"
            testId="went-well"
            items={doc.wentWell}
            onChange={(items) => update((d) => ({ ...d, wentWell: items }))}
          />
          <ListEditor
            label="What went wrong"
            testId="went-wrong"
            items={doc.wentWrong}
            onChange={(items) => update((d) => ({ ...d, wentWrong: items }))}
          />
        </div>
      </Section>
      <Section title="Lessons learned">
        <Field label="Lessons learned" htmlFor="lessons" hint="One or two paragraphs of genuine insight.">
          <TextArea
            id="lessons"
            testId="lessons"
            minimumRows={4}
            value={doc.lessons}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((d) => ({ ...d, lessons: v }));
            }}
          />
        </Field>
      </Section>
    </>
  );
}
