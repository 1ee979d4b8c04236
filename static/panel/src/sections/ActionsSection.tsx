import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Select, { AsyncSelect } from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { canAddActionItem } from '@domain/rules';
import type { ActionProgress, TicketView, UserRef } from '@shared/contract';
import { MAX_ACTION_ITEMS, PRIORITIES, type PostMortem } from '@shared/postmortem';
import { call } from '@ui/api';
import { newId, type Update } from '../doc-state';
import { Section, grid, nativeInput } from '../fields';

const CATEGORY_APPEARANCE: Record<string, 'default' | 'inprogress' | 'success'> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

interface Props {
  doc: PostMortem;
  update: Update;
  users: UserRef[];
  tickets: TicketView[];
  progress: ActionProgress[] | null;
  busy: boolean;
  dirty: boolean;
  onCreateTickets: () => void;
}

export function ActionsSection({ doc, update, users, tickets, progress, busy, dirty, onCreateTickets }: Props) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [idea, setIdea] = useState('');
  const [ownerNames] = useState(() => new Map<string, string>());
  const userOptions = users.map((u) => ({ value: u.accountId, label: u.displayName }));
  const ticketFor = (key: string | null) => tickets.find((t) => t.key === key);
  const pending = doc.actionItems.filter((a) => !a.ticketKey).length;
  const add = () => {
    const check = canAddActionItem(doc);
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
  const set = (id: string, patch: Partial<PostMortem['actionItems'][number]>) =>
    update((d) => ({ ...d, actionItems: d.actionItems.map((a) => (a.id === id ? { ...a, ...patch } : a)) }));
  return (
    <Section title={`Action items (${doc.actionItems.length} of ${MAX_ACTION_ITEMS})`} testId="actions-section">
      <div style={grid('3fr 2fr 1fr 1.4fr 1.6fr auto')}>
        {['Action', 'Owner', 'Priority', 'Due date', 'Status', ''].map((h) => (
          <strong key={h} style={{ fontSize: 12 }}>
            {h}
          </strong>
        ))}
        {doc.actionItems.map((a, i) => {
          const ticket = ticketFor(a.ticketKey);
          const locked = Boolean(a.ticketKey);
          const p = progress?.find((x) => x.itemId === a.id);
          return [
            <Textfield
              key={`${a.id}-a`}
              aria-label={`Action ${i + 1}`}
              testId={`action-${i}`}
              isDisabled={locked}
              value={a.action}
              onChange={(e) => {
                const v = e.currentTarget.value;
                set(a.id, { action: v });
              }}
            />,
            // Owners come from Jira's assignable users: the first ones preloaded, anyone else found as you type.
            <AsyncSelect
              key={`${a.id}-o`}
              aria-label={`Owner of action ${i + 1}`}
              inputId={`owner-${i}`}
              testId={`owner-${i}`}
              isDisabled={locked}
              placeholder="Owner"
              defaultOptions={userOptions}
              cacheOptions
              loadOptions={async (query: string) => {
                const r = await call('users/search', { query });
                return r.ok ? r.data.users.map((u) => ({ value: u.accountId, label: u.displayName })) : [];
              }}
              value={
                a.ownerAccountId
                  ? {
                      value: a.ownerAccountId,
                      label:
                        users.find((u) => u.accountId === a.ownerAccountId)?.displayName ??
                        ownerNames.get(a.ownerAccountId) ??
                        a.ownerAccountId,
                    }
                  : null
              }
              onChange={(o) => {
                if (o) ownerNames.set(o.value, o.label);
                set(a.id, { ownerAccountId: o?.value ?? null });
              }}
            />,
            <Select
              key={`${a.id}-p`}
              aria-label={`Priority of action ${i + 1}`}
              inputId={`priority-${i}`}
              testId={`priority-${i}`}
              isDisabled={locked}
              options={PRIORITIES.map((x) => ({ value: x, label: x }))}
              value={{ value: a.priority, label: a.priority }}
              onChange={(o) => {
                if (o) set(a.id, { priority: o.value });
              }}
            />,
            <input
              key={`${a.id}-d`}
              aria-label={`Due date of action ${i + 1}`}
              data-testid={`due-${i}`}
              type="date"
              disabled={locked}
              style={nativeInput}
              value={ticket?.dueDate ?? a.dueDate ?? ''}
              title="Empty: the end of the next sprint"
              onChange={(e) => set(a.id, { dueDate: e.currentTarget.value || null })}
            />,
            <div key={`${a.id}-s`} data-testid={`action-status-${i}`}>
              {ticket ? (
                <>
                  <strong>{ticket.key}</strong>{' '}
                  <Lozenge appearance={CATEGORY_APPEARANCE[ticket.statusCategory] ?? 'default'}>
                    {ticket.status}
                  </Lozenge>
                  {ticket.overdue && (
                    <>
                      {' '}
                      <Lozenge appearance="removed">overdue</Lozenge>
                    </>
                  )}
                </>
              ) : a.ticketKey ? (
                <strong>{a.ticketKey}</strong>
              ) : p ? (
                <span style={{ color: p.state === 'failed' ? token('color.text.danger', '#AE2E24') : undefined }}>
                  {p.state === 'in-progress' ? 'Being created…' : (p.message ?? p.state)}
                </span>
              ) : (
                <span style={{ color: token('color.text.subtlest', '#626F86') }}>No ticket yet</span>
              )}
            </div>,
            <Button
              key={`${a.id}-r`}
              appearance="subtle"
              isDisabled={locked}
              onClick={() => update((d) => ({ ...d, actionItems: d.actionItems.filter((x) => x.id !== a.id) }))}
            >
              Remove
            </Button>,
          ];
        })}
      </div>
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Button testId="add-action" onClick={add}>
          Add action item
        </Button>
        <Button
          appearance="primary"
          testId="create-tickets"
          isDisabled={pending === 0 || busy || dirty}
          isLoading={busy}
          onClick={onCreateTickets}
        >
          {pending === 0
            ? 'All action items have tickets'
            : `Create ${pending} ticket${pending > 1 ? 's' : ''} in the next sprint`}
        </Button>
        {dirty && pending > 0 && (
          <span style={{ alignSelf: 'center', fontSize: 12 }}>
            Save first: tickets are made from the saved post-mortem.
          </span>
        )}
      </div>
      {refusal && (
        <div style={{ marginTop: 8 }}>
          <SectionMessage appearance="warning" title="Rule 1: at most three action items" testId="rule1-refusal">
            <p>{refusal}</p>
          </SectionMessage>
        </div>
      )}
      <div data-testid="parking-lot" style={{ marginTop: token('space.200', '16px') }}>
        <strong>Parking lot</strong>{' '}
        <span style={{ fontSize: 12 }}>
          Ideas that did not make the cut: kept here, not ticketed, counted across post-mortems.
        </span>
        <ul>
          {doc.parkingLot.map((p) => (
            <li key={p.id}>
              {p.idea}{' '}
              <Button
                appearance="subtle"
                spacing="compact"
                onClick={() => update((d) => ({ ...d, parkingLot: d.parkingLot.filter((x) => x.id !== p.id) }))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <div style={grid('1fr auto')}>
          <Textfield
            aria-label="Park an idea"
            testId="parking-idea"
            value={idea}
            placeholder="An idea for later"
            onChange={(e) => setIdea(e.currentTarget.value)}
          />
          <Button
            testId="park-idea"
            isDisabled={!idea.trim()}
            onClick={() => {
              const v = idea.trim();
              update((d) => ({ ...d, parkingLot: [...d.parkingLot, { id: newId('p'), idea: v }] }));
              setIdea('');
            }}
          >
            Park it
          </Button>
        </div>
      </div>
    </Section>
  );
}
