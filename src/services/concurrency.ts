/**
 * Runs `fn` over items with at most `limit` in flight: Jira's burst limits are per second, and a
 * resolver has 25 s, so independent queries go out together but never all at once.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Counts JQL once per distinct query, concurrently within a limit. */
export async function countAll(
  queries: string[],
  limit: number,
  count: (jql: string) => Promise<number>,
): Promise<Map<string, number>> {
  const unique = [...new Set(queries)];
  const values = await mapLimit(unique, limit, count);
  return new Map(unique.map((q, i) => [q, values[i] ?? 0]));
}

/**
 * Lets the requests started in this turn of the event loop leave before the caller starts more. A view sends its
 * long searches first and its quick checks (site facts, project access) after them: a check answered before the
 * last search has left would make that search look sent after it, one round later in Jira's eyes and the bench's.
 */
export const afterSends = () => new Promise<void>((resolve) => setImmediate(resolve));
