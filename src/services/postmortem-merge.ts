import type { ActionItem, PostMortem } from '../shared/postmortem';
import { AppFailure } from './failure';

/** Two documents are the same save when they are equal apart from what the server fills in. */
export function sameDoc(a: PostMortem, b: PostMortem): boolean {
  const strip = (d: PostMortem) => JSON.stringify({ ...d, publishedAt: null });
  return strip(a) === strip(b);
}

const TICKET_OWNED: [keyof ActionItem, string][] = [
  ['action', 'text'],
  ['ownerAccountId', 'owner'],
  ['priority', 'priority'],
];

/**
 * Ticket keys are the server's record (Rule 2): a client cannot set, change or drop them. They come from the
 * stored document and from the ticket reservations (which know a ticket before the document records it).
 * Once an item has a ticket, the ticket is where its text, owner and priority change: the payload cannot.
 */
export function mergeServerOwned(
  doc: PostMortem,
  stored: PostMortem | null,
  reserved: Map<string, string>,
): PostMortem {
  const before = new Map((stored?.actionItems ?? []).map((a) => [a.id, a]));
  const ticketOf = (id: string) => before.get(id)?.ticketKey ?? reserved.get(id) ?? null;
  const kept = new Set(doc.actionItems.map((a) => a.id));
  const dropped = [...new Set([...before.keys(), ...reserved.keys()])].filter((id) => ticketOf(id) && !kept.has(id));
  if (dropped.length) {
    throw new AppFailure(
      'VALIDATION',
      `Action items with tickets cannot be removed from the post-mortem (${dropped.map(ticketOf).join(', ')}). Close or drop the ticket in the review instead. Nothing was saved.`,
      undefined,
      undefined,
      'not-saved',
    );
  }
  const changed = doc.actionItems.flatMap((a) => {
    const key = ticketOf(a.id);
    const was = before.get(a.id);
    if (!key || !was) return [];
    return TICKET_OWNED.filter(([f]) => a[f] !== was[f]).map(
      ([, label]) => `Action item "${was.action}" has ticket ${key}: change its ${label} in the ticket.`,
    );
  });
  if (changed.length)
    throw new AppFailure(
      'VALIDATION',
      'A ticketed action item can only change through its ticket. Nothing was saved.',
      changed,
      undefined,
      'not-saved',
    );
  return { ...doc, actionItems: doc.actionItems.map((a) => ({ ...a, ticketKey: ticketOf(a.id) })) };
}
