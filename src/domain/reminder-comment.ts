import type { AdfDoc, AdfNode } from './adf';
import { doc, paragraph, strong, text } from './adf';
import { reminderMarker } from './reminders';

const mention = (accountId: string, name: string): AdfNode => ({
  type: 'mention',
  attrs: { id: accountId, text: `@${name}` },
});
const card = (url: string): AdfNode => ({ type: 'inlineCard', attrs: { url } });

/**
 * The reminder comment: mentions the owner (Jira notifies them), links the incident, says how late the ticket is,
 * and ends with the period marker a retry looks for before posting again.
 */
export function reminderComment(input: {
  ticketKey: string;
  incidentKey: string;
  incidentUrl: string | null;
  owner: { accountId: string; displayName: string } | null;
  dueDate: string;
  daysLate: number;
  period: string;
  weekly: boolean;
}): AdfDoc {
  const who = input.owner
    ? [mention(input.owner.accountId, input.owner.displayName), text(', ')]
    : [strong('Nobody owns this action item'), text(': ')];
  return doc(
    paragraph(
      ...who,
      text(
        `this post-mortem action item was due on ${input.dueDate} and is ${input.daysLate} day${input.daysLate === 1 ? '' : 's'} overdue. It came from incident `,
      ),
      input.incidentUrl ? card(input.incidentUrl) : strong(input.incidentKey),
      text('.'),
    ),
    paragraph(
      text(
        input.weekly
          ? 'An open action item is how the same incident happens again. Finish it, or move its due date and say why; this reminder repeats weekly until it is done.'
          : 'An open action item is how the same incident happens again. Finish it, or move its due date and say why.',
      ),
    ),
    paragraph(text(reminderMarker(input.ticketKey, input.period))),
  );
}
