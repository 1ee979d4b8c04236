import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { rootCauseWarning } from '@domain/rules';
import type { SimilarCandidate } from '@shared/contract';
import type { PostMortem } from '@shared/postmortem';
import type { Update } from '../doc-state';
import { Field, Section, grid } from '../fields';

export function RootCauseSection({
  doc,
  update,
  categories,
  similar,
  repeatWhileOpen,
}: {
  doc: PostMortem;
  update: Update;
  categories: string[];
  similar: SimilarCandidate[];
  repeatWhileOpen: boolean;
}) {
  const warning = rootCauseWarning(doc.rootCause);
  const options = [...new Set([...categories, ...(doc.category ? [doc.category] : [])])].map((c) => ({
    value: c,
    label: c,
  }));
  const suggestions = similar.filter((s) => s.key !== doc.repeatOf && !doc.rejectedRepeats.includes(s.key));
  return (
    <Section title="Root cause" testId="rootcause-section">
      <Field
        label="Root cause"
        htmlFor="root-cause"
        hint="Two or three sentences. Technical but readable."
        error={warning}
      >
        <TextArea
          id="root-cause"
          testId="root-cause"
          minimumRows={3}
          value={doc.rootCause}
          onChange={(e) => {
            const v = e.currentTarget.value;
            update((d) => ({ ...d, rootCause: v }));
          }}
        />
      </Field>
      <div style={grid('1fr 1fr')}>
        <Field label="Root-cause category" htmlFor="category-select" hint="The project's list of categories">
          <Select
            inputId="category-select"
            testId="category-select"
            options={options}
            value={doc.category ? { value: doc.category, label: doc.category } : null}
            placeholder="Choose a category"
            onChange={(o) => {
              if (o) update((d) => ({ ...d, category: o.value }));
            }}
          />
        </Field>
        <Field label="Affected service" htmlFor="service">
          <Textfield
            id="service"
            testId="service"
            value={doc.service}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((d) => ({ ...d, service: v }));
            }}
          />
        </Field>
      </div>
      <div
        data-testid="similar"
        style={{
          background: token('color.background.neutral.subtle', '#F7F8F9'),
          padding: token('space.100', '8px'),
          borderRadius: 3,
        }}
      >
        <strong>Same root cause as an earlier incident?</strong>
        {doc.repeatOf && (
          <p data-testid="repeat-of">
            Confirmed: repeats <Lozenge appearance="moved">{doc.repeatOf}</Lozenge>{' '}
            <Button appearance="subtle" onClick={() => update((d) => ({ ...d, repeatOf: null }))}>
              Undo
            </Button>
          </p>
        )}
        {doc.repeatOf && repeatWhileOpen && (
          <p data-testid="repeat-while-open" style={{ color: token('color.text.danger', '#AE2E24') }}>
            {doc.repeatOf} still had open action items when this incident happened: the follow-up that could have
            prevented it was not finished.
          </p>
        )}
        {suggestions.length === 0 && !doc.repeatOf && (
          <p>No earlier post-mortem looks alike{doc.rootCause.trim() ? '' : ' yet: write the root cause and save'}.</p>
        )}
        <ul style={{ paddingLeft: 16 }}>
          {suggestions.map((s) => (
            <li key={s.key} data-testid="similar-candidate" style={{ marginBottom: 6 }}>
              <strong>{s.key}</strong>{' '}
              <span style={{ color: token('color.text.subtle', '#44546F') }}>
                ({s.service}, {s.category}, score {s.score.toFixed(1)})
              </span>
              : {s.rootCause}{' '}
              {!doc.repeatOf && (
                <Button
                  appearance="primary"
                  spacing="compact"
                  testId={`confirm-${s.key}`}
                  onClick={() => update((d) => ({ ...d, repeatOf: s.key }))}
                >
                  Same root cause
                </Button>
              )}{' '}
              <Button
                spacing="compact"
                onClick={() => update((d) => ({ ...d, rejectedRepeats: [...d.rejectedRepeats, s.key] }))}
              >
                Not the same
              </Button>
            </li>
          ))}
        </ul>
      </div>
    </Section>
  );
}
