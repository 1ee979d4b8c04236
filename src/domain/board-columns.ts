/** A board column as the Agile API describes it: its name and the status ids it shows. */
export interface Column {
  name: string;
  statusIds: string[];
}

/**
 * The column Rule 2 puts a ticket in on a Kanban board: the first column after the backlog. Jira Cloud shows a
 * Kanban backlog as the board's first column, named "Backlog" (unconfirmed whether the name is ever localised:
 * if it is, the ticket lands in the backlog column, visible and ranked at its top, which is a cheap failure).
 * Columns with no status mapped are skipped: no issue can be in them.
 */
export function firstWorkColumn(columns: Column[]): Column | null {
  const mapped = columns.filter((c) => c.statusIds.length > 0);
  const first = mapped[0];
  if (first && /^backlog$/i.test(first.name.trim()) && mapped.length > 1) return mapped[1] ?? null;
  return first ?? null;
}
