import { lazy, Suspense, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { titleParts } from '@domain/rules';
import type { PostMortem } from '@shared/postmortem';
import { ExportSection } from './ExportSection';
import { FollowUpNote } from './FollowUpNote';
import { ReadView } from './ReadView';
import { ReviewSection } from './sections/ReviewSection';
import { useDraft, useDraftStore, usePanelData } from './state/PanelState';

const EditForm = lazy(() => import('./EditForm'));
export const STATUS_TEXT = { draft: 'Draft', 'in-review': 'In review', published: 'Published' } as const;

/**
 * The incident first: its post-mortem's title, state and last save; then the review of earlier action items
 * (folded away once published); then the post-mortem, as a read view when published or as the form.
 */
export function Editor() {
  const data = usePanelData();
  const store = useDraftStore();
  const title = useDraft((d) => d.title);
  const status = useDraft((d) => d.status);
  const published = data.postmortem?.doc.status === 'published';
  const [editing, setEditing] = useState(!published);
  const users = new Map(data.users.map((u) => [u.accountId, u.displayName]));
  return (
    <div data-testid="editor">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Heading size="medium" as="h2">
          <PostMortemTitle title={title} />
        </Heading>
        <Lozenge
          appearance={status === 'published' ? 'success' : status === 'in-review' ? 'inprogress' : 'default'}
          testId="pm-status"
        >
          {STATUS_TEXT[status]}
        </Lozenge>
        {published && !editing && (
          <Button testId="edit" onClick={() => setEditing(true)}>
            Edit post-mortem
          </Button>
        )}
      </div>
      <p
        data-testid="pm-meta"
        style={{ margin: '4px 0 0', fontSize: 12, color: token('color.text.subtlest', '#626F86') }}
      >
        {data.issue.key}
        {data.postmortem
          ? ` · version ${data.postmortem.version}, saved ${data.postmortem.updatedAt.replace('T', ' ').replace('Z', ' UTC')} by ${users.get(data.postmortem.updatedBy) ?? data.postmortem.updatedBy}`
          : ' · no post-mortem saved yet'}
      </p>
      {data.indexStale && (
        <SectionMessage appearance="warning" testId="index-stale">
          <p>The report's copy of this post-mortem is out of date (a save was interrupted). Save again to update it.</p>
        </SectionMessage>
      )}
      <FollowUpNote />
      <ReviewSection />
      {editing ? (
        <Suspense fallback={<Spinner label="Loading the form" />}>
          <EditForm
            onCancel={
              published && data.postmortem
                ? () => {
                    if (data.postmortem) store.reset(data.postmortem.doc);
                    setEditing(false);
                  }
                : null
            }
          />
        </Suspense>
      ) : (
        <ReadView />
      )}
      <ExportSection />
      <p style={{ marginTop: token('space.300', '24px') }}>
        <strong>Pattern analysis:</strong> recurring themes and systemic issues are on the project's Incident learning
        page.
      </p>
    </div>
  );
}

/**
 * The title as composeTitle writes it, each typed part isolated (bdi): a right-to-left override typed in the service
 * cannot reorder the words after it.
 */
function PostMortemTitle({ title }: { title: PostMortem['title'] }) {
  const [service, symptom, date] = titleParts(title);
  return (
    <span data-testid="pm-title">
      Incident: <bdi>{service}</bdi> <bdi>{symptom}</bdi> on <bdi>{date}</bdi>
    </span>
  );
}
