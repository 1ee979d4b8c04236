import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { publishProblems } from '@domain/rules';
import { call } from '@ui/api';
import { ActionResult } from '@ui/ActionResult';
import {
  useDirty,
  useDraft,
  useDraftStore,
  useFlash,
  usePanelData,
  useReload,
  useSyncSummary,
} from './state/PanelState';
import { useAction } from '@ui/use-action';

/** Save (one at a time), what happened, and what publishing still needs. */
export function SaveBar({ onCancel }: { onCancel: (() => void) | null }) {
  const data = usePanelData();
  const store = useDraftStore();
  const dirty = useDirty();
  const status = useDraft((d) => d.status);
  const problems = useDraft(publishProblemsKey);
  const reload = useReload();
  const [flash, setFlash] = useFlash();
  const [syncSummary] = useSyncSummary();
  const save = useAction(async () => {
    const r = await call('panel/save', {
      doc: store.doc,
      baseVersion: data.postmortem?.version ?? 0,
      syncSummary,
      summaryLoaded: data.issue.summary,
    });
    if (!r.ok) return r;
    const message = r.data.warning ?? `Saved version ${r.data.postmortem.version}.`;
    setFlash(message);
    await reload();
    // A save with a step still pending is not told as a success: the save state says what is pending.
    return r.data.warning ? { ok: true, message } : { ok: true, flag: 'Post-mortem saved', message };
  });
  const conflict = save.outcome && !save.outcome.ok && save.outcome.error.code === 'CONFLICT';
  return (
    <div
      style={{
        marginTop: token('space.300', '24px'),
        paddingTop: token('space.150', '12px'),
        borderTop: `1px solid ${token('color.border', '#091E4224')}`,
      }}
    >
      {status === 'published' && !data.postmortem?.publishedAt && problems && (
        <SectionMessage appearance="information" title="Before it can be published">
          <p>{problems}</p>
        </SectionMessage>
      )}
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginTop: 8 }}>
        <Button
          appearance="primary"
          testId="save"
          isLoading={save.busy}
          isDisabled={!dirty && !data.indexStale}
          onClick={() => save.run()}
        >
          Save post-mortem
        </Button>
        {onCancel && (
          <Button testId="cancel-edit" onClick={onCancel}>
            {dirty ? 'Discard changes' : 'Back to the read view'}
          </Button>
        )}
        <span data-testid="save-state" role="status">
          {dirty
            ? 'Unsaved changes'
            : data.postmortem
              ? `All changes saved${flash ? `. ${flash}` : ''}`
              : 'Not saved yet'}
        </span>
        {save.outcome && !save.outcome.ok && <ActionResult outcome={save.outcome} testId="save-result" />}
        {conflict && (
          <Button testId="load-latest" onClick={() => void reload()}>
            Load the latest version (discards your edits)
          </Button>
        )}
      </div>
    </div>
  );
}

/** Joined into one string so the selector returns a primitive (a new array each time would re-render forever). */
const publishProblemsKey = (d: Parameters<typeof publishProblems>[0]) => publishProblems(d).join(' ');
