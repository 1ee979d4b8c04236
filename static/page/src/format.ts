export const pct = (v: number | null): string => (v === null ? 'no data' : `${Math.round(v * 100)}%`);
