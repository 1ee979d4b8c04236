import Database from 'better-sqlite3';
import type {
  BoardRec,
  FieldRec,
  IssueRec,
  IssueTypeRec,
  LinkRec,
  LinkTypeRec,
  PriorityRec,
  ProjectRec,
  ResolutionRec,
  SprintRec,
  StatusRec,
  UserRec,
} from './model';

type Kind =
  | 'user'
  | 'project'
  | 'issuetype'
  | 'status'
  | 'priority'
  | 'resolution'
  | 'field'
  | 'linktype'
  | 'link'
  | 'board'
  | 'sprint'
  | 'issue'
  | 'counter';

/**
 * The emulator's state: in memory for speed (JQL is evaluated over it), written through to SQLite
 * (a file for `npm start`, ':memory:' for tests) so a demo survives a restart.
 */
export class JiraStore {
  readonly users = new Map<string, UserRec>();
  readonly projects = new Map<string, ProjectRec>();
  readonly issueTypes = new Map<string, IssueTypeRec>();
  readonly statuses = new Map<string, StatusRec>();
  readonly priorities = new Map<string, PriorityRec>();
  readonly resolutions = new Map<string, ResolutionRec>();
  readonly fields = new Map<string, FieldRec>();
  readonly linkTypes = new Map<string, LinkTypeRec>();
  readonly links = new Map<string, LinkRec>();
  readonly boards = new Map<number, BoardRec>();
  readonly sprints = new Map<number, SprintRec>();
  readonly issues = new Map<number, IssueRec>();
  readonly issuesByKey = new Map<string, IssueRec>();
  /** The site's default time zone (GET /serverInfo serverTimeZone); not UTC, like many real sites. */
  siteTimeZone = 'Europe/Berlin';
  private readonly counters = new Map<string, number>();
  /**
   * Index lag (knob indexLagMs): Jira's search is eventually consistent, so a write is seen by search and
   * approximate-count only after a while (developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/
   * #api-rest-api-3-search-jql-post: reconcileIssues "to ensure read-after-write consistency"). Until then search sees
   * the issue as it was before the write (or not at all, for a new issue).
   */
  readonly indexLag = { ms: (): number => 0, now: (): number => Date.now() };
  private readonly stale = new Map<number, { seen: IssueRec | null; until: number }>();
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly readIssue: Database.Statement;
  /** Bumped on every write: cached search results (knob cacheSearches) are valid for one version only. */
  version = 0;
  /** Set from the cacheSearches knob. */
  cacheSearches = false;
  readonly searchCache = new Map<string, { version: number; issues: IssueRec[] }>();
  /**
   * With no file (':memory:', tests and the benchmark) nothing survives the process, so SQLite is skipped: only each
   * issue's last saved JSON is kept, which the index lag reads back. Seeding 400,000 issues is then about twice as
   * fast.
   */
  private readonly inMemory: boolean;
  private readonly savedIssues = new Map<string, string>();

  constructor(file = ':memory:') {
    this.inMemory = file === ':memory:';
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS docs (kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id))',
    );
    this.upsert = this.db.prepare(
      'INSERT INTO docs (kind, id, json) VALUES (?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET json = excluded.json',
    );
    this.remove = this.db.prepare('DELETE FROM docs WHERE kind = ? AND id = ?');
    this.readIssue = this.db.prepare("SELECT json FROM docs WHERE kind = 'issue' AND id = ?");
    this.load();
  }

  get isEmpty(): boolean {
    return this.users.size === 0;
  }

  /** Runs many writes in one SQLite transaction (seeding 40,000 issues takes seconds, not minutes). */
  batch<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  nextId(name: string, start: number): number {
    const next = (this.counters.get(name) ?? start - 1) + 1;
    this.counters.set(name, next);
    this.write('counter', name, next);
    return next;
  }

  putUser(u: UserRec) {
    this.users.set(u.accountId, u);
    this.write('user', u.accountId, u);
  }
  putProject(p: ProjectRec) {
    this.projects.set(p.id, p);
    this.write('project', p.id, p);
  }
  putIssueType(t: IssueTypeRec) {
    this.issueTypes.set(t.id, t);
    this.write('issuetype', t.id, t);
  }
  putStatus(s: StatusRec) {
    this.statuses.set(s.id, s);
    this.write('status', s.id, s);
  }
  putPriority(p: PriorityRec) {
    this.priorities.set(p.id, p);
    this.write('priority', p.id, p);
  }
  putField(f: FieldRec) {
    this.fields.set(f.id, f);
    this.write('field', f.id, f);
  }
  putLinkType(l: LinkTypeRec) {
    this.linkTypes.set(l.id, l);
    this.write('linktype', l.id, l);
  }
  putLink(l: LinkRec) {
    this.links.set(l.id, l);
    this.write('link', l.id, l);
  }
  putBoard(b: BoardRec) {
    this.boards.set(b.id, b);
    this.write('board', String(b.id), b);
  }
  putSprint(s: SprintRec) {
    this.sprints.set(s.id, s);
    this.write('sprint', String(s.id), s);
  }
  putResolution(r: ResolutionRec) {
    this.resolutions.set(r.id, r);
    this.write('resolution', r.id, r);
  }
  putIssue(i: IssueRec) {
    if (this.indexLag.ms() > 0) this.noteUnindexed(i.id);
    this.issues.set(i.id, i);
    this.issuesByKey.set(i.key, i);
    this.write('issue', String(i.id), i);
  }
  deleteLink(id: string) {
    this.version++;
    this.links.delete(id);
    if (!this.inMemory) this.remove.run('link', id);
  }

  /** The issue as search sees it now: current, or its state before writes still within the index lag. */
  indexed(i: IssueRec, reconciled: ReadonlySet<number>): IssueRec | null {
    const s = this.stale.get(i.id);
    if (!s || reconciled.has(i.id)) return i;
    if (s.until <= this.indexLag.now()) {
      this.stale.delete(i.id);
      return i;
    }
    return s.seen;
  }

  /**
   * Issues with writes still within the index lag: search may see them as they were (candidates.ts scans them apart).
   */
  staleIds(): number[] {
    return [...this.stale.keys()];
  }

  /** Index every pending write now (what waiting out the lag does). */
  settleIndex() {
    this.version++;
    this.stale.clear();
  }

  private noteUnindexed(id: number) {
    const now = this.indexLag.now();
    const pending = this.stale.get(id);
    if (pending && pending.until > now) {
      pending.until = now + this.indexLag.ms();
      return;
    }
    // Routes change issue records in place before saving them, so the state search last saw is the stored row.
    const json = this.inMemory
      ? this.savedIssues.get(String(id))
      : (this.readIssue.get(String(id)) as { json: string } | undefined)?.json;
    this.stale.set(id, { seen: json ? (JSON.parse(json) as IssueRec) : null, until: now + this.indexLag.ms() });
  }

  projectByKeyOrId(keyOrId: string): ProjectRec | undefined {
    return this.projects.get(keyOrId) ?? [...this.projects.values()].find((p) => p.key === keyOrId.toUpperCase());
  }

  issueByKeyOrId(keyOrId: string): IssueRec | undefined {
    return /^\d+$/.test(keyOrId) ? this.issues.get(Number(keyOrId)) : this.issuesByKey.get(keyOrId.toUpperCase());
  }

  sprintFieldId(): string {
    const f = [...this.fields.values()].find((x) => x.schemaCustom === 'com.pyxis.greenhopper.jira:gh-sprint');
    if (!f) throw new Error('emulator has no sprint field');
    return f.id;
  }

  close() {
    this.db.close();
  }

  private write(kind: Kind, id: string, value: unknown) {
    this.version++;
    if (!this.inMemory) this.upsert.run(kind, id, JSON.stringify(value));
    else if (kind === 'issue') this.savedIssues.set(id, JSON.stringify(value));
  }

  private load() {
    const rows = this.db.prepare('SELECT kind, id, json FROM docs').all() as { kind: Kind; id: string; json: string }[];
    for (const r of rows) {
      const v: unknown = JSON.parse(r.json);
      switch (r.kind) {
        case 'user':
          this.users.set(r.id, v as UserRec);
          break;
        case 'project':
          this.projects.set(r.id, v as ProjectRec);
          break;
        case 'issuetype':
          this.issueTypes.set(r.id, v as IssueTypeRec);
          break;
        case 'status':
          this.statuses.set(r.id, v as StatusRec);
          break;
        case 'priority':
          this.priorities.set(r.id, v as PriorityRec);
          break;
        case 'resolution':
          this.resolutions.set(r.id, v as ResolutionRec);
          break;
        case 'field':
          this.fields.set(r.id, v as FieldRec);
          break;
        case 'linktype':
          this.linkTypes.set(r.id, v as LinkTypeRec);
          break;
        case 'link':
          this.links.set(r.id, v as LinkRec);
          break;
        case 'board':
          this.boards.set(Number(r.id), v as BoardRec);
          break;
        case 'sprint':
          this.sprints.set(Number(r.id), v as SprintRec);
          break;
        case 'issue': {
          const i = v as IssueRec;
          this.issues.set(i.id, i);
          this.issuesByKey.set(i.key, i);
          break;
        }
        case 'counter':
          this.counters.set(r.id, v as number);
          break;
      }
    }
  }
}
