import { useState } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { toMarkdown } from '@domain/export';
import { call } from '@ui/api';
import { ActionResult } from '@ui/ActionResult';
import { copyText } from './copy';
import { Section } from './fields';
import { useDraftStore, usePanelData } from './state/PanelState';
import { useAction } from '@ui/use-action';

/** Copy-as-Markdown (clipboard where the host allows it, always a text box) and post-as-comment. */
export function ExportSection() {
  const data = usePanelData();
  const store = useDraftStore();
  const [markdown, setMarkdown] = useState<string | null>(null);
  const users = new Map(data.users.map((u) => [u.accountId, u.displayName]));
  const copy = useAction(async () => {
    const doc = store.doc;
    const text = toMarkdown(
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
    setMarkdown(text);
    return copyText(text, 'Post-mortem');
  });
  const post = useAction(async () => {
    const r = await call('comment/postmortem', {});
    return r.ok ? { ok: true, flag: 'Post-mortem posted', message: `Posted as a comment on ${data.issue.key}.` } : r;
  });
  return (
    <Section title="Export" testId="export">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button testId="export-copy" isLoading={copy.busy} onClick={() => copy.run()}>
          Copy the post-mortem as Markdown
        </Button>
        <Button testId="export-post" isLoading={post.busy} isDisabled={!data.postmortem} onClick={() => post.run()}>
          Post the post-mortem as a comment
        </Button>
        <ActionResult outcome={copy.outcome} testId="export-copy-note" />
        <ActionResult outcome={post.outcome} testId="export-note" />
      </div>
      {markdown !== null && (
        <TextArea
          testId="export-markdown"
          isReadOnly
          minimumRows={8}
          value={markdown}
          aria-label="The post-mortem as Markdown"
        />
      )}
    </Section>
  );
}
