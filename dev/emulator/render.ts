import { STATUS_CATEGORY, type IssueRec, type SprintRec, type StatusRec, type UserRec } from './state/model';
import type { JiraStore } from './state/store';
import { resolutionOf } from './workflow';

const SEARCH_HISTORIES = 40;
const SEARCH_COMMENTS = 20;

/** REST shapes of the emulator's records, as Jira Cloud renders them (checked against the spec on the way out). */
export class Renderer {
  constructor(
    private readonly store: JiraStore,
    private readonly base: string,
  ) {}

  user(u: UserRec) {
    return {
      self: `${this.base}/rest/api/3/user?accountId=${u.accountId}`,
      accountId: u.accountId,
      accountType: 'atlassian',
      displayName: u.displayName,
      active: u.active,
      timeZone: u.timeZone,
      avatarUrls: {},
    };
  }

  status(s: StatusRec) {
    const c = STATUS_CATEGORY[s.category];
    return {
      self: `${this.base}/rest/api/3/status/${s.id}`,
      id: s.id,
      name: s.name,
      description: '',
      iconUrl: '',
      statusCategory: { self: `${this.base}/rest/api/3/statuscategory/${c.id}`, ...c },
    };
  }

  sprint(s: SprintRec) {
    const out: Record<string, unknown> = {
      id: s.id,
      self: `${this.base}/rest/agile/1.0/sprint/${s.id}`,
      name: s.name,
      state: s.state,
      originBoardId: s.boardId,
    };
    if (s.startDate) out.startDate = s.startDate;
    if (s.endDate) out.endDate = s.endDate;
    if (s.goal) out.goal = s.goal;
    return out;
  }

  /** One field's value, or undefined for a field the emulator does not have. */
  field(issue: IssueRec, id: string): unknown {
    const st = this.store;
    switch (id) {
      case 'summary':
        return issue.summary;
      case 'description':
        return issue.description ?? null;
      case 'status': {
        const s = st.statuses.get(issue.statusId);
        return s ? this.status(s) : null;
      }
      case 'issuetype': {
        const t = st.issueTypes.get(issue.issueTypeId);
        return t
          ? {
              self: `${this.base}/rest/api/3/issuetype/${t.id}`,
              id: t.id,
              name: t.name,
              description: t.description,
              subtask: t.subtask,
              hierarchyLevel: t.hierarchyLevel,
            }
          : null;
      }
      case 'project': {
        const p = st.projects.get(issue.projectId);
        return p ? { self: `${this.base}/rest/api/3/project/${p.id}`, id: p.id, key: p.key, name: p.name } : null;
      }
      case 'priority': {
        const p = issue.priorityId ? st.priorities.get(issue.priorityId) : undefined;
        return p ? { self: `${this.base}/rest/api/3/priority/${p.id}`, id: p.id, name: p.name } : null;
      }
      case 'assignee': {
        const u = issue.assigneeId ? st.users.get(issue.assigneeId) : undefined;
        return u ? this.user(u) : null;
      }
      case 'reporter': {
        const u = issue.reporterId ? st.users.get(issue.reporterId) : undefined;
        return u ? this.user(u) : null;
      }
      case 'labels':
        return issue.labels;
      case 'created':
        return issue.created;
      case 'updated':
        return issue.updated;
      case 'resolutiondate':
        return issue.resolutiondate;
      case 'resolution': {
        const id = resolutionOf(issue);
        const r = id ? st.resolutions.get(id) : undefined;
        return r
          ? { self: `${this.base}/rest/api/3/resolution/${r.id}`, id: r.id, name: r.name, description: r.description }
          : null;
      }
      case 'duedate':
        return issue.duedate;
      case 'issuelinks':
        return this.links(issue);
      case 'comment':
        return this.comments(issue, Infinity);
      default:
        if (id === st.sprintFieldId()) {
          const sprints = issue.sprintIds.map((sid) => st.sprints.get(sid)).filter((s): s is SprintRec => Boolean(s));
          return sprints.length
            ? sprints.map((s) => ({ id: s.id, name: s.name, state: s.state, boardId: s.boardId }))
            : null;
        }
        return st.fields.has(id) ? null : undefined;
    }
  }

  /** The IssueBean with the requested fields (Jira's fields list syntax: ids, *all, *navigable, -exclusions). */
  issue(
    issue: IssueRec,
    fieldSpec: string[],
    propertyKeys: string[],
    expand: string[] = [],
    opts: { inSearch?: boolean } = {},
  ) {
    const wanted = this.resolveFields(fieldSpec);
    const fields: Record<string, unknown> = {};
    for (const id of wanted) {
      const v = id === 'comment' && opts.inSearch ? this.comments(issue, SEARCH_COMMENTS) : this.field(issue, id);
      if (v !== undefined) fields[id] = v;
    }
    const bean: Record<string, unknown> = {
      id: String(issue.id),
      key: issue.key,
      self: `${this.base}/rest/api/3/issue/${issue.id}`,
      expand: 'changelog,renderedFields,names,schema,transitions,operations,editmeta,versionedRepresentations',
      fields,
    };
    const props = this.properties(issue, propertyKeys);
    if (props) bean.properties = props;
    if (expand.includes('changelog')) {
      // Search returns at most the 40 latest histories (JRACLOUD-96459); GET issue returns them all.
      const first = opts.inSearch ? Math.max(0, issue.changelog.length - SEARCH_HISTORIES) : 0;
      const histories = issue.changelog.slice(first).map((c, n) => ({
        id: String(first + n + 1),
        created: c.at,
        items: [{ field: c.field, fieldtype: 'jira', fromString: c.from ?? '', toString: c.to ?? '' }],
      }));
      bean.changelog = { startAt: 0, maxResults: histories.length, total: issue.changelog.length, histories };
    }
    if (expand.includes('names')) bean.names = this.names(fieldSpec);
    return bean;
  }

  /** expand=names: each returned field's id and name. */
  names(fieldSpec: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const id of this.resolveFields(fieldSpec)) {
      const f = this.store.fields.get(id);
      if (f) out[id] = f.name;
    }
    return out;
  }

  /** The comment field; search returns only the latest few (emulator's choice, see FIDELITY.md). */
  private comments(issue: IssueRec, max: number) {
    const shown = issue.comments.slice(Math.max(0, issue.comments.length - max));
    return {
      comments: shown.map((c) => ({ id: c.id, body: c.body, created: c.created, author: this.userOrNull(c.authorId) })),
      total: issue.comments.length,
      maxResults: shown.length,
      startAt: issue.comments.length - shown.length,
    };
  }

  private properties(issue: IssueRec, keys: string[]): Record<string, unknown> | null {
    if (keys.length === 0) return null;
    const all = keys.includes('*all');
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(issue.properties)) if (all || keys.includes(k)) out[k] = v;
    return out;
  }

  private resolveFields(spec: string[]): string[] {
    const all = [...this.store.fields.keys()];
    const include = new Set<string>();
    for (const f of spec) {
      if (f === '*all' || f === '*navigable') all.forEach((x) => include.add(x));
      else if (f.startsWith('-')) include.delete(f.slice(1));
      else if (f !== 'id' && f !== 'key') include.add(f);
    }
    return [...include];
  }

  private links(issue: IssueRec) {
    const out: unknown[] = [];
    for (const l of this.store.links.values()) {
      const type = this.store.linkTypes.get(l.typeId);
      if (!type) continue;
      const otherId =
        l.inwardIssueId === issue.id ? l.outwardIssueId : l.outwardIssueId === issue.id ? l.inwardIssueId : null;
      const other = otherId !== null ? this.store.issues.get(otherId) : undefined;
      if (!other) continue;
      const brief = {
        id: String(other.id),
        key: other.key,
        self: `${this.base}/rest/api/3/issue/${other.id}`,
        fields: { summary: other.summary, status: this.field(other, 'status') },
      };
      out.push({
        id: l.id,
        type: { id: type.id, name: type.name, inward: type.inward, outward: type.outward },
        ...(l.inwardIssueId === issue.id ? { outwardIssue: brief } : { inwardIssue: brief }),
      });
    }
    return out;
  }

  private userOrNull(id: string) {
    const u = this.store.users.get(id);
    return u ? this.user(u) : null;
  }
}
