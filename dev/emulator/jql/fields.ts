import type { IssueRec } from '../state/model';
import type { JiraStore } from '../state/store';
import { resolutionOf } from '../workflow';
import { instantOf } from './dates';
import type { IndexedValue } from './property-index';

/** What a field needs to know about the search: the store, who searches, and in which time zone. */
export interface FieldScope {
  store: JiraStore;
  canBrowse(projectId: string): boolean;
  timeZone: string;
}

/** How a field compares: text case-insensitively (any of several names matches), dates and numbers by value. */
export type FieldKind = 'text' | 'date' | 'number';
export type Atom = string | number;
export interface FieldAccessor {
  kind: FieldKind;
  name: string;
  get(issue: IssueRec): Atom[];
  sortable: boolean;
  /**
   * Jira refuses a query naming a value that does not exist (or that the user cannot see) with 400, collecting
   * one message per such value: "The value 'OPS' does not exist for the field 'project'."
   * (observed answers of POST /rest/api/3/search/jql; see forge-and-jira-facts.md). Null when the value exists.
   */
  check?: (raw: string) => string | null;
}

const noValue = (raw: string, field: string) => `The value '${raw}' does not exist for the field '${field}'.`;

const lc = (s: string) => s.toLowerCase();
/**
 * Timestamps and due dates are compared on every issue of every search: parsed once per distinct text (the
 * benchmark's queries test 60,000 tickets against dozens of day bounds). Pure functions of the text, so the
 * answers are those of parsing each time.
 */
const parsedTimes = new Map<string, number>();
function parseTime(s: string): number {
  let t = parsedTimes.get(s);
  if (t === undefined) {
    if (parsedTimes.size > 2_000_000) parsedTimes.clear();
    t = Date.parse(s);
    parsedTimes.set(s, t);
  }
  return t;
}
const time = (s: string | null) => (s ? [parseTime(s)] : []);
const dueInstants = new Map<string, number>();
function dueInstant(due: string, zone: string): number {
  const k = `${due}|${zone}`;
  let t = dueInstants.get(k);
  if (t === undefined) {
    if (dueInstants.size > 200_000) dueInstants.clear();
    t = instantOf(Date.parse(`${due}T00:00:00Z`), zone);
    dueInstants.set(k, t);
  }
  return t;
}

/** The fields the emulator's JQL knows, by every name Jira accepts for them. */
export function systemField(name: string, scope: FieldScope): FieldAccessor | undefined {
  const { store } = scope;
  const f = (
    kind: FieldKind,
    get: (i: IssueRec) => Atom[],
    sortable = true,
    check?: (raw: string) => string | null,
  ): FieldAccessor => ({ kind, name, get, sortable, check });
  // Spread once: `values` may be a one-shot iterator (Map.values()), and `in (a, b)` checks every value.
  const named = (values: Iterable<{ id: string; name: string }>) => {
    const list = [...values];
    return (raw: string) => (list.some((v) => v.id === raw || lc(v.name) === lc(raw)) ? null : noValue(raw, name));
  };
  const browsable = () => [...store.projects.values()].filter((p) => scope.canBrowse(p.id));
  switch (name.toLowerCase()) {
    case 'project':
      return f(
        'text',
        (i) => {
          const p = store.projects.get(i.projectId);
          return p ? [lc(p.key), p.id, lc(p.name)] : [];
        },
        true,
        (raw) =>
          browsable().some((p) => p.id === raw || lc(p.key) === lc(raw) || lc(p.name) === lc(raw))
            ? null
            : noValue(raw, name),
      );
    case 'issuetype':
    case 'type':
      return f(
        'text',
        (i) => {
          const t = store.issueTypes.get(i.issueTypeId);
          return t ? [lc(t.name), t.id] : [];
        },
        true,
        // A type exists for the searcher when a project they can browse uses it (its scheme, or site-wide).
        (raw) => named(projectTypes(store, browsable()))(raw),
      );
    case 'status':
      return f(
        'text',
        (i) => {
          const s = store.statuses.get(i.statusId);
          return s ? [lc(s.name), s.id] : [];
        },
        true,
        named(store.statuses.values()),
      );
    case 'resolution':
      return f(
        'text',
        (i) => {
          const id = resolutionOf(i);
          const r = id ? store.resolutions.get(id) : undefined;
          return r ? [lc(r.name), r.id] : [];
        },
        true,
        (raw) => (lc(raw) === 'unresolved' ? null : named(store.resolutions.values())(raw)),
      );
    case 'statuscategory':
      return f('text', (i) => {
        const c = store.statuses.get(i.statusId)?.category;
        const names = {
          new: ['new', 'to do', '2'],
          indeterminate: ['indeterminate', 'in progress', '4'],
          done: ['done', '3'],
        } as const;
        return c ? [...names[c]] : [];
      });
    case 'labels':
      return f('text', (i) => i.labels.map(lc), false);
    case 'key':
    case 'issue':
    case 'issuekey':
      return f(
        'text',
        (i) => [lc(i.key), String(i.id)],
        true,
        (raw) => {
          const issue = store.issueByKeyOrId(raw);
          return issue && scope.canBrowse(issue.projectId)
            ? null
            : `An issue with key '${raw}' does not exist for field '${name}'.`;
        },
      );
    case 'id':
      // Compared as a number, so `id > 10500` works as in Jira (the on-time job pages through tickets in id order).
      return f('number', (i) => [i.id]);
    case 'assignee':
      return f('text', (i) => (i.assigneeId ? [lc(i.assigneeId)] : []));
    case 'reporter':
      return f('text', (i) => (i.reporterId ? [lc(i.reporterId)] : []));
    case 'priority':
      return f(
        'text',
        (i) => {
          const p = i.priorityId ? store.priorities.get(i.priorityId) : undefined;
          return p ? [lc(p.name), p.id] : [];
        },
        true,
        named(store.priorities.values()),
      );
    case 'summary':
      return undefined; // text search (~) is not emulated: refused rather than guessed
    case 'created':
    case 'createddate':
      return f('date', (i) => time(i.created));
    case 'updated':
    case 'updateddate':
      return f('date', (i) => time(i.updated));
    case 'resolved':
    case 'resolutiondate':
      return f('date', (i) => time(i.resolutiondate));
    case 'duedate':
    case 'due':
      // A date without a time: midnight in the searcher's zone, like the literals compared with it.
      return f('date', (i) => (i.duedate ? [dueInstant(i.duedate, scope.timeZone)] : []));
    case 'sprint':
      // Sprints are matched by id or by name.
      return f(
        'text',
        (i) =>
          i.sprintIds.flatMap((id) => {
            const s = store.sprints.get(id);
            return s ? [String(id), lc(s.name)] : [String(id)];
          }),
        false,
        named([...store.sprints.values()].map((s) => ({ id: String(s.id), name: s.name }))),
      );
    default:
      return undefined;
  }
}

/** An indexed issue property value, read from the stored property by its dotted path. */
export function propertyField(v: IndexedValue, label: string): FieldAccessor {
  const kind: FieldKind = v.type === 'number' ? 'number' : v.type === 'date' ? 'date' : 'text';
  return {
    kind,
    name: label,
    sortable: true,
    get(issue) {
      let cur: unknown = issue.properties[v.propertyKey];
      for (const part of v.path.split('.')) {
        if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return [];
        cur = (cur as Record<string, unknown>)[part];
      }
      const items = Array.isArray(cur) ? cur : [cur];
      const out: Atom[] = [];
      for (const item of items) {
        if (kind === 'number' && typeof item === 'number') out.push(item);
        else if (kind === 'date' && typeof item === 'string' && !Number.isNaN(Date.parse(item)))
          out.push(Date.parse(item));
        else if (kind === 'text' && (typeof item === 'string' || typeof item === 'number')) out.push(lc(String(item)));
      }
      return out;
    },
  };
}

function projectTypes(store: JiraStore, projects: { issueTypeIds?: string[] }[]) {
  const ids = new Set<string>();
  for (const p of projects) for (const id of p.issueTypeIds ?? store.issueTypes.keys()) ids.add(id);
  return [...ids].flatMap((id) => {
    const t = store.issueTypes.get(id);
    return t ? [t] : [];
  });
}
