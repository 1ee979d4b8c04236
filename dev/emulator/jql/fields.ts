import type { IssueRec } from '../state/model';
import type { JiraStore } from '../state/store';
import type { IndexedValue } from './property-index';

/** How a field compares: text case-insensitively (any of several names matches), dates and numbers by value. */
export type FieldKind = 'text' | 'date' | 'number';
export type Atom = string | number;
export interface FieldAccessor {
  kind: FieldKind;
  name: string;
  get(issue: IssueRec): Atom[];
  sortable: boolean;
}

const lc = (s: string) => s.toLowerCase();
const time = (s: string | null) => (s ? [Date.parse(s)] : []);

/** The fields the emulator's JQL knows, by every name Jira accepts for them. */
export function systemField(name: string, store: JiraStore): FieldAccessor | undefined {
  const f = (kind: FieldKind, get: (i: IssueRec) => Atom[], sortable = true): FieldAccessor => ({
    kind,
    name,
    get,
    sortable,
  });
  switch (name.toLowerCase()) {
    case 'project':
      return f('text', (i) => {
        const p = store.projects.get(i.projectId);
        return p ? [lc(p.key), p.id, lc(p.name)] : [];
      });
    case 'issuetype':
    case 'type':
      return f('text', (i) => {
        const t = store.issueTypes.get(i.issueTypeId);
        return t ? [lc(t.name), t.id] : [];
      });
    case 'status':
      return f('text', (i) => {
        const s = store.statuses.get(i.statusId);
        return s ? [lc(s.name), s.id] : [];
      });
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
      return f('text', (i) => [lc(i.key), String(i.id)]);
    case 'id':
      // Compared as a number, so `id > 10500` works as in Jira (jobs page through issues in id order).
      return f('number', (i) => [i.id]);
    case 'assignee':
      return f('text', (i) => (i.assigneeId ? [lc(i.assigneeId)] : []));
    case 'reporter':
      return f('text', (i) => (i.reporterId ? [lc(i.reporterId)] : []));
    case 'priority':
      return f('text', (i) => {
        const p = i.priorityId ? store.priorities.get(i.priorityId) : undefined;
        return p ? [lc(p.name), p.id] : [];
      });
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
      return f('date', (i) => (i.duedate ? [Date.parse(`${i.duedate}T00:00:00Z`)] : []));
    case 'sprint':
      return f('number', (i) => i.sprintIds, false);
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
