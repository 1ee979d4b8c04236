import { toIndex, toStored } from '../../src/domain/index-values';
import {
  ACTION_LABEL,
  ACTION_LINK_TYPE,
  ACTION_PROPERTY,
  DEFAULT_CATEGORIES,
  INCIDENT_LABEL,
  INCIDENT_TYPE,
  INDEX_PROPERTY,
  POSTMORTEM_PROPERTY,
  REPEAT_LINK_TYPE,
} from '../../src/domain/jira-names';
import { emptyPostMortem, type PostMortem } from '../../src/shared/postmortem';
import { jiraTime, type IssueRec, type ProjectPermission } from '../emulator/state/model';
import type { JiraStore } from '../emulator/state/store';
import { CATEGORY_TEXT, PARKING_IDEAS, SERVICES, WENT_WELL, WENT_WRONG } from './catalog';
import { Rng } from './rng';

export interface SeedOptions {
  seed: number;
  incidents: number;
  /** How far back the incidents go. */
  spanDays: number;
  now: number;
  /** Exactly three action tickets per post-mortem (the benchmark), or one to three (the demo). */
  actionsPerIncident: 'varied' | 3;
}

export const DEMO_USERS = [
  {
    accountId: 'acc-alice',
    displayName: 'Alice Chen',
    role: 'Incident commander (project admin)',
    perms: ['ADMIN'] as ProjectPermission[],
  },
  {
    accountId: 'acc-bob',
    displayName: 'Bob Okafor',
    role: 'On-call engineer',
    perms: ['BROWSE', 'CREATE', 'EDIT'] as ProjectPermission[],
  },
  {
    accountId: 'acc-carol',
    displayName: 'Carol Diaz',
    role: 'Engineering manager',
    perms: ['BROWSE', 'CREATE', 'EDIT'] as ProjectPermission[],
  },
  {
    accountId: 'acc-dave',
    displayName: 'Dave Singh',
    role: 'Stakeholder (read only)',
    perms: ['BROWSE'] as ProjectPermission[],
  },
  {
    accountId: 'acc-erin',
    displayName: 'Erin Park',
    role: 'Other team (no access to OPS)',
    perms: [] as ProjectPermission[],
  },
] as const;

export const DEMO_PROJECT = { id: '10000', key: 'OPS', name: 'Platform Operations' } as const;
const DAY = 86_400_000;
const SPRINT_DAYS = 14;
const iso = (ms: number) => new Date(ms).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface SeedSummary {
  incidents: number;
  actionTickets: number;
  published: number;
  repeats: number;
  sprints: number;
  ms: number;
}

/** Fills an emulator store with a realistic, deterministic year (or five) of incidents and their follow-up. */
export function seedDemo(store: JiraStore, opts: SeedOptions): SeedSummary {
  const t0 = Date.now();
  const rng = new Rng(opts.seed);
  const engineers = DEMO_USERS.filter((u) => u.perms.includes('EDIT') || u.perms.includes('ADMIN')).map(
    (u) => u.accountId,
  );
  let actionTickets = 0;
  let published = 0;
  let repeats = 0;

  store.batch(() => {
    for (const u of DEMO_USERS) {
      store.putUser({
        accountId: u.accountId,
        displayName: u.displayName,
        email: `${u.displayName.split(' ')[0]?.toLowerCase()}@example.com`,
        active: true,
        siteAdmin: false,
        timeZone: 'Europe/Berlin',
      });
    }
    store.putProject({
      ...DEMO_PROJECT,
      leadAccountId: 'acc-alice',
      permissions: Object.fromEntries(DEMO_USERS.map((u) => [u.accountId, [...u.perms]])),
    });
    // What the app's install step creates (see src/services/install.ts), so the demo starts installed.
    const incidentType = {
      id: '10050',
      name: INCIDENT_TYPE.name,
      description: INCIDENT_TYPE.description,
      hierarchyLevel: 0,
      subtask: false,
    };
    store.putIssueType(incidentType);
    store.putLinkType({ id: '10050', ...ACTION_LINK_TYPE });
    store.putLinkType({ id: '10051', ...REPEAT_LINK_TYPE });

    // Two-week sprints back to the first incident: closed ones, one active, two future.
    const board = { id: 1, name: 'OPS board', type: 'scrum' as const, projectId: DEMO_PROJECT.id };
    store.putBoard(board);
    const activeStart = opts.now - 5 * DAY;
    const firstStart = activeStart - Math.ceil(opts.spanDays / SPRINT_DAYS + 1) * SPRINT_DAYS * DAY;
    const sprints: { id: number; start: number; end: number }[] = [];
    let rank = 0;
    for (let s = firstStart; s <= activeStart + 2 * SPRINT_DAYS * DAY; s += SPRINT_DAYS * DAY) {
      const id = store.nextId('sprint', 1);
      const state = s < activeStart ? 'closed' : s === activeStart ? 'active' : 'future';
      const n = sprints.length + 1;
      store.putSprint({
        id,
        name: `OPS Sprint ${n}`,
        state,
        boardId: board.id,
        rank: rank++,
        startDate: state === 'future' ? undefined : jiraTime(s),
        endDate: state === 'future' ? undefined : jiraTime(s + SPRINT_DAYS * DAY),
        goal: undefined,
      });
      sprints.push({ id, start: s, end: s + SPRINT_DAYS * DAY });
    }
    const sprintAfter = (ms: number) => sprints.find((s) => s.start > ms) ?? sprints[sprints.length - 1];

    const byCause = new Map<string, { key: string; id: number; actionsDoneBy: number }[]>();
    const start = opts.now - opts.spanDays * DAY;
    const step = (opts.spanDays * DAY) / Math.max(1, opts.incidents);
    for (let n = 0; n < opts.incidents; n++) {
      const created = Math.floor(start + n * step + rng.next() * step * 0.8);
      const ageDays = (opts.now - created) / DAY;
      const service = rng.pick(SERVICES);
      const category = rng.pick(DEFAULT_CATEGORIES);
      const text = CATEGORY_TEXT[category];
      if (!text) throw new Error(`no demo text for ${category}`);
      const symptom = rng.pick(text.symptoms);
      const commander = rng.pick(engineers);
      // Timeline from the first alert: the figures the panel derives come out of these.
      const alert = created - rng.int(2, 20) * 60_000;
      const ack = alert + rng.int(1, 25) * 60_000;
      const rc = ack + rng.int(5, 120) * 60_000;
      const fix = rc + rng.int(5, 90) * 60_000;
      const rec = fix + rng.int(2, 30) * 60_000;
      const clear = rec + rng.int(10, 60) * 60_000;
      const id = store.nextId('issue', 10000);
      const key = `${DEMO_PROJECT.key}-${store.nextId(`issue-seq:${DEMO_PROJECT.id}`, 1)}`;
      const recent = ageDays < 10;
      const incident: IssueRec = {
        id,
        key,
        projectId: DEMO_PROJECT.id,
        issueTypeId: incidentType.id,
        summary: `Incident: [${service}] [${symptom}] on [${isoDate(alert)}]`,
        description: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `${symptom} on ${service}.` }] }],
        },
        statusId: recent && rng.chance(0.5) ? '10001' : '10003',
        priorityId: String(rng.int(1, 3)),
        assigneeId: commander,
        reporterId: commander,
        labels: [INCIDENT_LABEL, service],
        created: jiraTime(created),
        updated: jiraTime(clear),
        resolutiondate: null,
        duedate: null,
        sprintIds: [],
        properties: {},
        comments: [],
        changelog: [],
      };
      if (incident.statusId === '10003') {
        incident.resolutiondate = jiraTime(clear);
        incident.changelog.push(
          { at: jiraTime(ack), field: 'status', from: 'To Do', to: 'In Progress' },
          { at: jiraTime(clear), field: 'status', from: 'In Progress', to: 'Done' },
        );
      }

      // Post-mortem state: most older ones published, recent ones still being written, a few never started.
      const hasPm = opts.actionsPerIncident === 3 || !recent || rng.chance(0.6);
      if (hasPm) {
        const status: PostMortem['status'] = recent
          ? rng.pick(['draft', 'in-review'] as const)
          : rng.chance(0.92)
            ? 'published'
            : 'in-review';
        const doc = emptyPostMortem();
        doc.status = status;
        doc.title = { service, symptom, date: isoDate(alert) };
        doc.service = service;
        doc.category = category;
        doc.impact = {
          durationMinutesOverride: null,
          usersAffected: rng.int(0, 50) * 100,
          revenue: rng.chance(0.6) ? { amount: rng.int(1, 200) * 250, currency: 'USD' } : null,
          sloBudgetPct: rng.int(1, 60),
        };
        doc.timeline = {
          alertAt: iso(alert),
          acknowledgedAt: iso(ack),
          rootCauseAt: iso(rc),
          fixDeployedAt: iso(fix),
          recoveredAt: iso(rec),
          allClearAt: iso(clear),
          extra: [],
        };
        doc.rootCause = rng.pick(text.causes);
        doc.contributingFactors = {
          possible: rng.pick(text.factors[0]),
          detection: rng.pick(text.factors[1]),
          resolution: rng.pick(text.factors[2]),
        };
        doc.wentWell = [rng.pick(WENT_WELL)];
        doc.wentWrong = [rng.pick(WENT_WRONG)];
        doc.lessons = `We learned that ${doc.contributingFactors.possible.toLowerCase()} turns a small fault on ${service} into an outage.`;
        if (rng.chance(0.3)) doc.parkingLot = [{ id: 'p1', idea: rng.pick(PARKING_IDEAS) }];
        if (status === 'published') {
          doc.publishedAt = iso(clear + rng.int(1, 5) * DAY);
          published++;
        }

        // Repeats follow the article's story: 45% until the team adopts the three rules half-way through,
        // then falling to 12% over six months. A repeat repeats the last incident of the same cause.
        const earlier = byCause.get(`${service}|${category}`) ?? [];
        const sameCategory = byCause.get(category) ?? [];
        const adoption = start + (opts.now - start) / 2;
        const repeatChance = created < adoption ? 0.45 : 0.45 - 0.33 * Math.min(1, (created - adoption) / (180 * DAY));
        let repeatWhileOpen = false;
        if (sameCategory.length > 0 && status === 'published' && rng.chance(repeatChance)) {
          const prev = earlier[earlier.length - 1] ?? sameCategory[sameCategory.length - 1];
          if (prev) {
            doc.repeatOf = prev.key;
            repeatWhileOpen = prev.actionsDoneBy > created;
            repeats++;
            store.putLink({
              id: String(store.nextId('link', 10000)),
              typeId: '10051',
              // As POST /issueLink {inwardIssue: this, outwardIssue: prev}: "this repeats root cause of prev".
              inwardIssueId: id,
              outwardIssueId: prev.id,
            });
          }
        }

        // Action tickets (Rule 1: at most three; Rule 2: in the next sprint, linked).
        const count = opts.actionsPerIncident === 3 ? 3 : status === 'draft' ? 0 : rng.int(1, 3);
        let actionsDoneBy = 0;
        for (let slot = 0; slot < count; slot++) {
          const priority = (['P1', 'P2', 'P3'] as const)[Math.min(2, slot + rng.int(0, 1))] ?? 'P2';
          const sprint = sprintAfter(created);
          const due = (sprint?.end ?? created + SPRINT_DAYS * DAY) - DAY;
          const owner = rng.pick(engineers);
          const tid = store.nextId('issue', 10000);
          const tkey = `${DEMO_PROJECT.key}-${store.nextId(`issue-seq:${DEMO_PROJECT.id}`, 1)}`;
          // Older tickets are mostly done; a share of recent ones are in progress, blocked or not started.
          const roll = rng.next();
          const doneP = ageDays > 60 ? 0.85 : ageDays > 20 ? 0.5 : 0.15;
          const state =
            roll < doneP
              ? 'done'
              : roll < doneP + (1 - doneP) * 0.45
                ? 'progress'
                : roll < doneP + (1 - doneP) * 0.6
                  ? 'blocked'
                  : 'todo';
          const resolvedAt = state === 'done' ? Math.min(opts.now - DAY, due + rng.int(-10, 6) * DAY) : null;
          if (resolvedAt === null) actionsDoneBy = Infinity;
          else actionsDoneBy = Math.max(actionsDoneBy, resolvedAt);
          const action = text.actions[(slot + rng.int(0, 2)) % text.actions.length] ?? 'Follow up';
          doc.actionItems.push({
            id: `a${slot + 1}`,
            action,
            ownerAccountId: owner,
            priority,
            dueDate: isoDate(due),
            ticketKey: tkey,
          });
          const ticket: IssueRec = {
            id: tid,
            key: tkey,
            projectId: DEMO_PROJECT.id,
            issueTypeId: '10001',
            summary: action,
            description: {
              type: 'doc',
              version: 1,
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: `Action item from post-mortem of ${key}.` }] },
              ],
            },
            statusId:
              state === 'done' ? '10003' : state === 'progress' ? '10001' : state === 'blocked' ? '10002' : '10000',
            priorityId: priority === 'P1' ? '1' : priority === 'P2' ? '2' : '3',
            assigneeId: owner,
            reporterId: commander,
            labels: [ACTION_LABEL],
            created: jiraTime(clear + DAY),
            updated: jiraTime(resolvedAt ?? clear + DAY),
            resolutiondate: resolvedAt !== null ? jiraTime(resolvedAt) : null,
            duedate: isoDate(due),
            sprintIds: sprint ? [sprint.id] : [],
            properties: {
              [ACTION_PROPERTY]: {
                incident: key,
                slot,
                itemId: `a${slot + 1}`,
                priority,
                service,
                category,
                ...(resolvedAt !== null ? { resolvedOnTime: resolvedAt <= due + DAY - 1 ? 1 : 0 } : {}),
              },
            },
            comments: [],
            changelog: [],
          };
          store.putIssue(ticket);
          store.putLink({
            id: String(store.nextId('link', 10000)),
            typeId: '10050',
            // As POST /issueLink {inwardIssue: incident, outwardIssue: ticket}: "incident has action item ticket".
            inwardIssueId: id,
            outwardIssueId: tid,
          });
          actionTickets++;
        }
        const stored = toStored(doc, {
          version: 1,
          updatedAt: iso(clear + DAY),
          updatedBy: commander,
          repeatWhileOpen,
        });
        incident.properties[POSTMORTEM_PROPERTY] = stored;
        incident.properties[INDEX_PROPERTY] = toIndex(stored);
        // Appended in place: copying the lists made seeding quadratic (minutes at 100,000 incidents).
        earlier.push({ key, id, actionsDoneBy });
        sameCategory.push({ key, id, actionsDoneBy });
        byCause.set(`${service}|${category}`, earlier);
        byCause.set(category, sameCategory);
      }
      store.putIssue(incident);
    }
  });
  return {
    incidents: opts.incidents,
    actionTickets,
    published,
    repeats,
    sprints: store.sprints.size,
    ms: Date.now() - t0,
  };
}
