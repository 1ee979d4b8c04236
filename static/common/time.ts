/** The person types times in their own zone (datetime-local); the post-mortem stores and shows UTC. */
export function localInputToUtc(value: string): string | null {
  if (!value) return null;
  const d = new Date(value); // datetime-local values are read in the browser's zone
  return Number.isNaN(d.getTime()) ? null : `${d.toISOString().slice(0, 16)}Z`;
}

export function utcToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
