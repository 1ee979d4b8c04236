import { z } from 'zod';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';

/**
 * The reservation for one action item's ticket (keyed by the item's id). `uncertain`: Jira did not confirm a
 * create, so a ticket may exist; only asking Jira again decides whether to create.
 */
export const SlotSchema = z.object({
  state: z.enum(['creating', 'uncertain', 'created', 'done']),
  owner: z.string(),
  at: z.number(),
  ticketKey: z.string().optional(),
  /** Jira gave no answer at all (a timeout): the create may still land, so wait out the lease first. */
  noAnswer: z.boolean().optional(),
});
export type Slot = z.infer<typeof SlotSchema>;

/** Every reservation of an incident, by item id (one KVS call). */
export async function readSlots(kvs: KeyValueStore, incidentId: string): Promise<Map<string, Slot>> {
  const prefix = kvsKeys.actionSlotPrefix(incidentId);
  const out = new Map<string, Slot>();
  for (const { key, value } of await kvs.listByPrefix(prefix)) {
    const itemId = key.slice(prefix.length);
    const slot = SlotSchema.safeParse(value);
    if (slot.success && !itemId.includes(':')) out.set(itemId, slot.data);
  }
  return out;
}

/** Ticket keys the app knows it created, by item id: the reservations are the record even before the document. */
export async function knownTicketKeys(kvs: KeyValueStore, incidentId: string): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const [itemId, s] of await readSlots(kvs, incidentId)) if (s.ticketKey) keys.set(itemId, s.ticketKey);
  return keys;
}
