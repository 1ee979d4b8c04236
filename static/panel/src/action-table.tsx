import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import type { ActionItem } from '@shared/postmortem';

export const actionHead: HeadType = {
  cells: ['Action', 'Owner', 'Priority', 'Due date', 'Ticket'].map((content) => ({ key: content.toLowerCase(), content })),
};

export function actionRows(items: ActionItem[]): RowType[] {
  return items.map((a) => ({
    key: a.id,
    cells: [
      { key: 'action', content: a.action },
      { key: 'owner', content: a.ownerAccountId ?? 'Unassigned' },
      { key: 'priority', content: <Lozenge appearance={a.priority === 'P1' ? 'removed' : a.priority === 'P2' ? 'moved' : 'default'}>{a.priority}</Lozenge> },
      { key: 'due', content: a.dueDate ?? '—' },
      { key: 'ticket', content: a.ticketKey ?? 'Not created' },
    ],
  }));
}
