import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Select, { AsyncSelect } from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ActionProgress, TicketView } from '@shared/contract';
import { PRIORITIES, type ActionItem } from '@shared/postmortem';
import { call } from '@ui/api';
import { grid, nativeInput } from '../fields';
import { CATEGORY_APPEARANCE } from '../labels';
import { usePanelData, useUpdate } from '../state/PanelState';

/** The second line of a row: owner, priority, due date, status, remove (the action has the first line). */
export const ROW_COLUMNS = 'minmax(0,2fr) minmax(0,1fr) minmax(0,1.5fr) minmax(0,1.6fr) auto';

/** What a row is called for assistive technology: its number and, once written, its words. */
const nameOf = (a: ActionItem, i: number) => `action ${i + 1}${a.action.trim() ? ` "${a.action.trim()}"` : ''}`;

/** One action item: its inputs are locked once its ticket exists (the ticket is then the source of truth). */
export function ActionRow({
  item: a,
  index: i,
  ticket,
  progress: p,
}: {
  item: ActionItem;
  index: number;
  ticket: TicketView | undefined;
  progress: ActionProgress | undefined;
}) {
  const update = useUpdate();
  const { users } = usePanelData();
  const [ownerNames] = useState(() => new Map<string, string>());
  const userOptions = users.map((u) => ({ value: u.accountId, label: u.displayName }));
  const locked = Boolean(a.ticketKey);
  const set = (patch: Partial<ActionItem>) =>
    update((d) => ({ ...d, actionItems: d.actionItems.map((x) => (x.id === a.id ? { ...x, ...patch } : x)) }));
  return (
    <div
      data-testid={`action-row-${i}`}
      style={{ padding: '8px 0', borderTop: `1px solid ${token('color.border', '#091E4224')}` }}
    >
      <Textfield
        aria-label={`Action ${i + 1}`}
        testId={`action-${i}`}
        isDisabled={locked}
        value={a.action}
        onChange={(e) => set({ action: e.currentTarget.value })}
      />
      <div style={{ ...grid(ROW_COLUMNS), marginTop: 6 }}>
        {/* Owners come from Jira's assignable users: the first ones preloaded, anyone else found as you type. */}
        <AsyncSelect
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
            set({ ownerAccountId: o?.value ?? null });
          }}
        />
        <Select
          aria-label={`Priority of action ${i + 1}`}
          inputId={`priority-${i}`}
          testId={`priority-${i}`}
          isDisabled={locked}
          options={PRIORITIES.map((x) => ({ value: x, label: x }))}
          value={{ value: a.priority, label: a.priority }}
          onChange={(o) => {
            if (o) set({ priority: o.value });
          }}
        />
        <div>
          <input
            aria-label={`Due date of action ${i + 1}`}
            aria-describedby={`due-${i}-hint`}
            data-testid={`due-${i}`}
            type="date"
            disabled={locked}
            style={nativeInput}
            value={ticket?.dueDate ?? a.dueDate ?? ''}
            onChange={(e) => set({ dueDate: e.currentTarget.value || null })}
          />
          <span id={`due-${i}-hint`} style={{ display: 'none' }}>
            Empty: the end of the next sprint
          </span>
        </div>
        <div data-testid={`action-status-${i}`}>
          {ticket ? (
            <>
              <strong>{ticket.key}</strong>{' '}
              <Lozenge appearance={CATEGORY_APPEARANCE[ticket.statusCategory] ?? 'default'}>{ticket.status}</Lozenge>
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
        </div>
        <Button
          appearance="subtle"
          isDisabled={locked}
          aria-label={`Remove ${nameOf(a, i)}`}
          onClick={() => update((d) => ({ ...d, actionItems: d.actionItems.filter((x) => x.id !== a.id) }))}
        >
          Remove
        </Button>
      </div>
    </div>
  );
}
