import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { Section } from './fields';

/** Copy-as-Markdown (clipboard where the host allows it, always a text box) and post-as-comment. */
export function ExportSection({
  title,
  markdown,
  onCopy,
  onPost,
  note,
  testId,
}: {
  title: string;
  markdown: string | null;
  onCopy: () => Promise<void>;
  onPost: () => Promise<void>;
  note: string | null;
  testId: string;
}) {
  return (
    <Section title={title} testId={testId}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <Button testId={`${testId}-copy`} onClick={() => void onCopy()}>
          Copy as Markdown
        </Button>
        <Button testId={`${testId}-post`} onClick={() => void onPost()}>
          Post as a comment on the incident
        </Button>
        {note && <span data-testid={`${testId}-note`}>{note}</span>}
      </div>
      {markdown !== null && (
        <TextArea testId={`${testId}-markdown`} isReadOnly minimumRows={8} value={markdown} aria-label="Markdown" />
      )}
    </Section>
  );
}
