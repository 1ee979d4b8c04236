export const pct = (v: number | null): string => (v === null ? 'no data' : `${Math.round(v * 100)}%`);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11" -> "Nov 2026": no day/month ambiguity. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** "2026-11-05" -> "5 Nov 2026". */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

export const num = (n: number): string => n.toLocaleString('en-US');

/** Amounts per currency, never added across currencies: "USD 4,500 · EUR 1,200". */
export function money(rows: { currency: string; amount: number }[]): string {
  if (rows.length === 0) return '—';
  return rows
    .map((r) => `${r.currency === '?' ? '(no currency)' : r.currency} ${num(Math.round(r.amount))}`)
    .join(' · ');
}
