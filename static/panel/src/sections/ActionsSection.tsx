import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { canAddActionItem } from '@domain/rules';
import type { ActionProgress, CreateTicketsAnswer } from '@shared/contract';
import { MAX_ACTION_ITEMS, type ActionItem } from '@shared/postmortem';
import { call } from '@ui/api';
import { ActionResult } from '@ui/ActionResult';
import { newId } from '../doc-state';
import { Section, grid } from '../fields';
import { useDirty, useDraft, useDraftStore, usePanelData, useReload, useUpdate } from '../state/PanelState';
import { useAction } from '@ui/use-action';
import { ActionRow, ROW_COLUMNS } from './ActionRow';
import { ParkingLot } from './ParkingLot';

const requestId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Rule 1 (three at most, the rest parked) and Rule 2 (each becomes a ticket in the next sprint). */
export function ActionsSection() {
  const items = useDraft((d) => d.actionItems);
  const dirty = useDirty();
  const update = useUpdate();
  const store = useDraftStore();
  const reload = useReload();
  const { tickets, issue } = usePanelData();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [progress, setProgress] = useState<CreateTicketsAnswer | null>(null);
  const [needsSprint, setNeedsSprint] = useState(false);
  const pending = items.filter((a) => !a.ticketKey).length;

  const create = useAction(async () => {
    const r = await call('actions/create', { requestId: requestId() });
    setNeedsSprint(!r.ok && r.error.hint === 'create-sprint');
    if (!r.ok) return r;
    setProgress(r.data);
    await reload();
    const made = r.data.items.filter((i) => i.state === 'created' || i.state === 'existing').length;
    const failed = r.data.items.filter((i) => i.state === 'failed').length;
    if (failed)
      return {
        ok: false,
        error: { code: 'JIRA_ERROR', message: `${failed} ticket(s) could not be created; try again.` },
      };
    // Tickets made but a step after them pending: said beside the button, where it stays until done.
    if (r.data.warning) return { ok: true, message: r.data.warning };
    const where = r.data.sprint
      ? ` and planned in ${r.data.sprint.name}`
      : r.data.board?.column
        ? ` and put at the top of "${r.data.board.column}" on ${r.data.board.name}`
        : '';
    return {
      ok: true,
      flag: `${made} ticket${made === 1 ? '' : 's'} ready`,
      message: `Linked to ${issue.key}${where}.`,
    };
  });
  const sprint = useAction(async () => {
    const r = await call('actions/createSprint', {});
    if (!r.ok) return r;
    setNeedsSprint(false);
    return { ok: true, flag: `Sprint "${r.data.name}" created`, message: 'You can create the tickets now.' };
  });

  const add = () => {
    const check = canAddActionItem(store.doc);
    if (!check.ok) {
      setRefusal(check.reason);
      return;
    }
    setRefusal(null);
    update((d) => ({
      ...d,
      actionItems: [
        ...d.actionItems,
        { id: newId('a'), action: '', ownerAccountId: null, priority: 'P2', dueDate: null, ticketKey: null },
      ],
    }));
  };
  const progressOf = (a: ActionItem): ActionProgress | undefined => progress?.items.find((x) => x.itemId === a.id);
  return (
    <Section title={`Action items (${items.length} of ${MAX_ACTION_ITEMS})`} testId="actions-section">
      {items.length > 0 && (
        <div aria-hidden style={{ ...grid(ROW_COLUMNS), fontSize: 12, fontWeight: 600 }}>
          {['Owner', 'Priority', 'Due date', 'Status', ''].map((h) => (
            <span key={h}>{h}</span>
          ))}
        </div>
      )}
      <div>
        {items.map((a, i) => (
          <ActionRow
            key={a.id}
            item={a}
            index={i}
            ticket={tickets.find((t) => t.key === a.ticketKey)}
            progress={progressOf(a)}
          />
        ))}
      </div>
      <div style={{ display: 'flex', gap: 8, marginTop: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button testId="add-action" onClick={add}>
          Add action item
        </Button>
        <Button
          appearance="primary"
          testId="create-tickets"
          isDisabled={pending === 0 || dirty}
          isLoading={create.busy}
          aria-describedby={dirty && pending > 0 ? 'create-tickets-hint' : undefined}
          onClick={() => create.run()}
        >
          {pending === 0
            ? 'All action items have tickets'
            : `Create ${pending} ticket${pending > 1 ? 's' : ''} in the next sprint`}
        </Button>
        {dirty && pending > 0 && (
          <span id="create-tickets-hint" style={{ fontSize: 12 }}>
            Save first: tickets are made from the saved post-mortem.
          </span>
        )}
        {needsSprint && (
          <Button appearance="primary" testId="create-sprint" isLoading={sprint.busy} onClick={() => sprint.run()}>
            Create the next sprint
          </Button>
        )}
        <ActionResult outcome={create.outcome} testId="tickets-result" />
        <ActionResult outcome={sprint.outcome} testId="sprint-result" />
      </div>
      {progress?.sprint && <p data-testid="tickets-sprint">Tickets go to {progress.sprint.name}.</p>}
      {refusal && (
        <div style={{ marginTop: 8 }} role="alert">
          <SectionMessage appearance="warning" title="Rule 1: at most three action items" testId="rule1-refusal">
            <p>{refusal}</p>
          </SectionMessage>
        </div>
      )}
      <ParkingLot />
    </Section>
  );
}
