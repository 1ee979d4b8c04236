import type { IssueRec } from '../../dev/emulator/state/model';
import type { JiraStore } from '../../dev/emulator/state/store';

/**
 * The report's figures computed straight from the emulator's records, written apart from src/ (no import from it):
 * what the README's "How each figure is computed" says, in the plainest code. Days are compared as calendar dates
 * in the site's zone (Intl), never as instants.
 */
export interface OracleFilters {
  windowDays: number;
  service: string | null;
  category: string | null;
}

const dayOf = (iso: string | number, zone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
function minusDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

type Index = {
  status?: string;
  service?: string;
  category?: string;
  repeatOf?: string;
  repeatWhileOpen?: number;
  actionKeys?: string[];
};
type Action = { incident?: string; priority?: string };

export function oracle(store: JiraStore, now: number, f: OracleFilters, droppedInReview: Set<string> = new Set()) {
  const zone = store.siteTimeZone;
  const today = dayOf(now, zone);
  const from = minusDays(today, f.windowDays - 1);
  const inWindowFrom = (i: IssueRec, first: string) => dayOf(i.created, zone) >= first;
  const project = [...store.projects.values()].find((p) => p.key === 'OPS');
  const incidentType = [...store.issueTypes.values()].find((t) => t.name === 'Incident');
  const all = [...store.issues.values()].filter((i) => i.projectId === project?.id);
  const idx = (i: IssueRec) => i.properties.postmortemIndex as Index | undefined;
  const act = (i: IssueRec) => i.properties.postmortemAction as Action | undefined;
  const isDone = (i: IssueRec) => store.statuses.get(i.statusId)?.category === 'done';
  const resolution = (i: IssueRec) => (i.resolutionId ? (store.resolutions.get(i.resolutionId)?.name ?? null) : null);

  const matching = all.filter(
    (i) =>
      i.issueTypeId === incidentType?.id &&
      (!f.service || idx(i)?.service === f.service) &&
      (!f.category || idx(i)?.category === f.category),
  );
  const matchingKeys = new Set(matching.map((i) => i.key));
  const incidents = matching.filter((i) => inWindowFrom(i, from));
  const published = incidents.filter((i) => idx(i)?.status === 'published');
  const repeats = published.filter((i) => idx(i)?.repeatOf);

  const tickets = all.filter(
    (i) =>
      typeof act(i)?.incident === 'string' &&
      typeof act(i)?.priority === 'string' &&
      (!f.service && !f.category ? true : matchingKeys.has(act(i)?.incident ?? '')),
  );
  const windowTickets = tickets.filter((i) => inWindowFrom(i, from));
  const dropWords = ["won't do", "won't fix", 'declined', 'duplicate', 'cannot reproduce', 'obsolete'];
  const state = (i: IssueRec) => {
    if (droppedInReview.has(i.key)) return 'dropped';
    if (isDone(i)) return dropWords.includes((resolution(i) ?? '').toLowerCase()) ? 'dropped' : 'done';
    if (!i.duedate) return 'noDueDate';
    return i.duedate < today ? 'overdue' : 'openNotDue';
  };
  const keys = (xs: IssueRec[]) => xs.map((i) => i.key).sort();
  const by = (s: string) => windowTickets.filter((i) => state(i) === s);
  const done = by('done');
  const onTime = done.filter((i) => i.resolutiondate && (!i.duedate || dayOf(i.resolutiondate, zone) <= i.duedate));

  // Repeats while open, from the tickets themselves: an action ticket of the earlier incident existed and was not
  // resolved at the moment the repeat's incident was created.
  const openAt = (incident: string, at: number) =>
    all.some(
      (t) =>
        act(t)?.incident === incident &&
        Date.parse(t.created) <= at &&
        (t.resolutiondate === null ? !isDone(t) : Date.parse(t.resolutiondate) > at),
    );
  return {
    zone,
    today,
    from,
    incidents: incidents.length,
    unpublished: incidents.length - published.length,
    published: published.length,
    repeats: repeats.length,
    repeatsWhileOpenStored: repeats.filter((i) => idx(i)?.repeatWhileOpen === 1).length,
    repeatsWhileOpenFromTickets: repeats.filter((i) => openAt(idx(i)?.repeatOf ?? '', Date.parse(i.created))).length,
    actions: keys(windowTickets),
    done: keys(done),
    dropped: keys(by('dropped')),
    overdue: keys(by('overdue')),
    noDueDate: keys(by('noDueDate')),
    openNotDue: keys(by('openNotDue')),
    onTime: keys(onTime),
    onTimeBase: done.length + by('overdue').length,
    byPriority: ['P1', 'P2', 'P3'].map((p) => {
      const mine = windowTickets.filter((i) => act(i)?.priority === p);
      return { all: mine.length, done: mine.filter((i) => state(i) === 'done').length };
    }),
    /** Published post-mortems of the window, for the pattern sections. */
    patterns: published,
    month: (i: IssueRec) => dayOf(i.created, zone).slice(0, 7),
    isDone,
  };
}
