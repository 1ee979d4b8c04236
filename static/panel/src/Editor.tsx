import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { toMarkdown } from '@domain/export';
import { agendaMarkdown } from '@domain/review';
import { composeTitle } from '@domain/rules';
import type { PanelData } from '@shared/contract';
import { emptyPostMortem, type PostMortem } from '@shared/postmortem';
import type { AppError } from '@shared/result';
import { call } from '@ui/api';
import { ErrorMessage } from '@ui/ErrorMessage';
import { copyText } from './copy';
import type { Update } from './doc-state';
import { ExportSection } from './ExportSection';
import { ActionsSection } from './sections/ActionsSection';
import { ImpactSection } from './sections/ImpactSection';
import { LearningSection } from './sections/LearningSection';
import { ReviewSection } from './sections/ReviewSection';
import { RootCauseSection } from './sections/RootCauseSection';
import { TimelineSection } from './sections/TimelineSection';
import { TitleSection } from './sections/TitleSection';

const requestId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function initialDoc(data: PanelData): PostMortem {
  if (data.postmortem) return data.postmortem.doc;
  const doc = emptyPostMortem();
  doc.title.date = data.issue.created ? new Date(Date.parse(data.issue.created)).toISOString().slice(0, 10) : null;
  return doc;
}

/** The post-mortem as the team writes it, in the order of the article's meeting agenda. */
export function Editor({ data, reload }: { data: PanelData; reload: () => Promise<void> }) {
  const [doc, setDoc] = useState<PostMortem>(() => initialDoc(data));
  const [dirty, setDirty] = useState(false);
  // Keep the summary in step only when it already is, or when the team ticks the box (the title is an offer).
  const [syncSummary, setSyncSummary] = useState(() => data.issue.summary === composeTitle(initialDoc(data).title));
  const [busy, setBusy] = useState<'save' | 'tickets' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [progress, setProgress] = useState<Awaited<ReturnType<typeof call<'actions/create'>>> | null>(null);
  const [agenda, setAgenda] = useState<{ text: string | null; note: string | null }>({ text: null, note: null });
  const [exported, setExported] = useState<{ text: string | null; note: string | null }>({ text: null, note: null });
  const update: Update = (change) => {
    setDoc((d) => change(d));
    setDirty(true);
    setSaved(null);
  };
  const users = new Map(data.users.map((u) => [u.accountId, u.displayName]));

  const save = async () => {
    setBusy('save');
    setError(null);
    const r = await call('panel/save', {
      doc,
      baseVersion: data.postmortem?.version ?? 0,
      syncSummary,
      summaryLoaded: data.issue.summary,
    });
    setBusy(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setDirty(false);
    setSaved(r.data.warning ?? `Saved version ${r.data.postmortem.version}.`);
    await reload();
  };
  const createTickets = async () => {
    setBusy('tickets');
    setError(null);
    const r = await call('actions/create', { requestId: requestId() });
    setBusy(null);
    setProgress(r);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    await reload();
  };
  const createSprint = async () => {
    const r = await call('actions/createSprint', {});
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setSaved(`Created sprint "${r.data.name}". You can create the tickets now.`);
  };
  const markdown = () =>
    toMarkdown(
      doc,
      doc.actionItems.map((a) => {
        const t = data.tickets.find((x) => x.key === a.ticketKey);
        return {
          action: a.ticketKey ? `${a.action} (${a.ticketKey})` : a.action,
          owner: (a.ownerAccountId && users.get(a.ownerAccountId)) || '—',
          priority: a.priority,
          dueDate: a.dueDate ?? '—',
          status: t?.status ?? 'Open',
        };
      }),
    );

  return (
    <div data-testid="editor">
      <ReviewSection
        review={data.review}
        users={data.users}
        note={agenda.note}
        onRecord={async (ticketKey, o) => {
          // The outcome version this reviewer saw: a newer one recorded meanwhile is reported, not overwritten.
          const seen = [...data.review.doneSinceLastReview, ...data.review.inProgress, ...data.review.notStarted].find(
            (t) => t.key === ticketKey,
          );
          const r = await call('review/outcome', { ticketKey, ...o, baseVersion: seen?.outcome?.version ?? 0 });
          if (r.ok) await reload();
          return r.ok ? null : r.error;
        }}
        onCopyAgenda={async () => {
          const text = agendaMarkdown(data.review, data.issue.key, composeTitle(doc.title));
          setAgenda({ text, note: await copyText(text) });
        }}
        onPostAgenda={async () => {
          const r = await call('comment/agenda', {});
          setAgenda((a) => ({ ...a, note: r.ok ? 'Agenda posted as a comment.' : r.error.message }));
        }}
      />
      {agenda.text && (
        <pre data-testid="agenda-markdown" style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
          {agenda.text}
        </pre>
      )}

      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: token('space.300', '24px') }}>
        <Heading size="medium">2. This incident (30 min)</Heading>
        <Lozenge
          appearance={doc.status === 'published' ? 'success' : doc.status === 'in-review' ? 'inprogress' : 'default'}
          testId="pm-status"
        >
          {doc.status}
        </Lozenge>
        {data.postmortem && (
          <span style={{ fontSize: 12, color: token('color.text.subtlest', '#626F86') }}>
            version {data.postmortem.version}, saved {data.postmortem.updatedAt.replace('T', ' ').replace('Z', ' UTC')}{' '}
            by {users.get(data.postmortem.updatedBy) ?? data.postmortem.updatedBy}
          </span>
        )}
      </div>
      {data.indexStale && (
        <SectionMessage appearance="warning" testId="index-stale">
          <p>The report's copy of this post-mortem is out of date (a save was interrupted). Save again to update it.</p>
        </SectionMessage>
      )}
      <TitleSection
        doc={doc}
        update={update}
        summary={data.issue.summary}
        syncSummary={syncSummary}
        setSyncSummary={setSyncSummary}
      />
      <ImpactSection doc={doc} update={update} />
      <TimelineSection doc={doc} update={update} history={data.history} />
      <RootCauseSection
        doc={doc}
        update={update}
        categories={data.categories}
        similar={data.similar}
        repeatWhileOpen={data.postmortem?.repeatWhileOpen === 1 && data.postmortem.doc.repeatOf === doc.repeatOf}
      />
      <LearningSection doc={doc} update={update} />
      <ActionsSection
        doc={doc}
        update={update}
        users={data.users}
        tickets={data.tickets}
        progress={progress?.ok ? progress.data.items : null}
        busy={busy === 'tickets'}
        dirty={dirty}
        onCreateTickets={() => void createTickets()}
      />
      {progress?.ok && progress.data.sprint && (
        <p data-testid="tickets-sprint">Tickets go to {progress.data.sprint.name}.</p>
      )}
      <ExportSection
        title="Export"
        testId="export"
        markdown={exported.text}
        note={exported.note}
        onCopy={async () => {
          const text = markdown();
          setExported({ text, note: await copyText(text) });
        }}
        onPost={async () => {
          const r = await call('comment/postmortem', {});
          setExported((e) => ({ ...e, note: r.ok ? 'Posted as a comment.' : r.error.message }));
        }}
      />

      <div
        style={{
          position: 'sticky',
          bottom: 0,
          background: token('elevation.surface', '#FFFFFF'),
          padding: `${token('space.100', '8px')} 0`,
          borderTop: `1px solid ${token('color.border', '#091E4224')}`,
          marginTop: token('space.200', '16px'),
        }}
      >
        {error && (
          <div style={{ marginBottom: 8 }}>
            <ErrorMessage error={error} />
            {error.hint === 'create-sprint' && (
              <Button appearance="primary" testId="create-sprint" onClick={() => void createSprint()}>
                Create the next sprint
              </Button>
            )}
            {error.code === 'CONFLICT' && (
              <Button
                testId="load-latest"
                onClick={() => {
                  void reload();
                }}
              >
                Load the latest version (discards your edits)
              </Button>
            )}
          </div>
        )}
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Button
            appearance="primary"
            testId="save"
            isLoading={busy === 'save'}
            isDisabled={!dirty && !data.indexStale}
            onClick={() => void save()}
          >
            Save post-mortem
          </Button>
          <span data-testid="save-state">
            {saved ?? (dirty ? 'Unsaved changes' : data.postmortem ? 'All changes saved' : 'Not saved yet')}
          </span>
        </div>
        {doc.status === 'published' && !data.postmortem?.publishedAt && (
          <SectionMessage appearance="information">
            <p>
              Publishing needs a root cause, a category, a service, and an owner and due date for every action item.
            </p>
          </SectionMessage>
        )}
      </div>
      <p style={{ marginTop: token('space.300', '24px') }}>
        <strong>3. Pattern analysis (10 min):</strong> recurring themes and systemic issues are on the project's
        Incident learning page.
      </p>
    </div>
  );
}
