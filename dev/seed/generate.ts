import { ACTION_LINK_TYPE, INCIDENT_TYPE, REPEAT_LINK_TYPE } from '../../src/domain/jira-names';
import { jiraTime, type ProjectPermission } from '../emulator/state/model';
import type { JiraStore } from '../emulator/state/store';
import { SEED_EXTENSIONS } from './extensions';
import { seedIncidents } from './incidents';
import { Rng } from './rng';
import {
  ACTION_LINK_TYPE_ID,
  DAY,
  INCIDENT_TYPE_ID,
  REPEAT_LINK_TYPE_ID,
  type SeedContext,
  type SeedOptions,
  type SeedProject,
  type SeededIncident,
} from './world';

export type { SeedOptions } from './world';

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
/** A second team that works on a Kanban board (no sprints), beside the scrum project. */
export const KANBAN_PROJECT = { id: '10001', key: 'WEB', name: 'Web Storefront' } as const;
const SPRINT_DAYS = 14;

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
  const demoShape = opts.actionsPerIncident === 'varied';
  const engineers = DEMO_USERS.filter((u) => u.perms.includes('EDIT') || u.perms.includes('ADMIN')).map(
    (u) => u.accountId,
  );
  const totals = { actionTickets: 0, published: 0, repeats: 0 };
  const incidents: SeededIncident[] = [];
  const projects: SeedProject[] = [];

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
    // What the app's install step creates (see src/services/install.ts), so the demo starts installed.
    store.putIssueType({
      id: INCIDENT_TYPE_ID,
      name: INCIDENT_TYPE.name,
      description: INCIDENT_TYPE.description,
      hierarchyLevel: 0,
      subtask: false,
    });
    store.putLinkType({ id: ACTION_LINK_TYPE_ID, ...ACTION_LINK_TYPE });
    store.putLinkType({ id: REPEAT_LINK_TYPE_ID, ...REPEAT_LINK_TYPE });

    const scrum = addProject(store, DEMO_PROJECT, 1, 'scrum', opts);
    projects.push(scrum);
    const world = { store, rng, opts, engineers, totals, incidents };
    seedIncidents(world, scrum, opts.incidents, opts.spanDays);
    const kanbanCount = opts.kanbanIncidents ?? 0;
    if (kanbanCount > 0) {
      const kanban = addProject(store, KANBAN_PROJECT, 2, 'kanban', opts);
      projects.push(kanban);
      seedIncidents(world, kanban, kanbanCount, opts.spanDays);
    }
    if (demoShape) {
      (opts.extensions ?? SEED_EXTENSIONS).forEach((extend, i) => {
        const ctx: SeedContext = {
          store,
          rng: new Rng(opts.seed * 31 + 1000 + i),
          now: opts.now,
          engineers,
          projects,
          incidents,
        };
        extend(ctx);
      });
    }
  });
  return {
    incidents: incidents.length,
    ...totals,
    sprints: store.sprints.size,
    ms: Date.now() - t0,
  };
}

/** A project with its board: two-week sprints back to the first incident (closed, one active, two future) for scrum. */
function addProject(
  store: JiraStore,
  p: { id: string; key: string; name: string },
  boardId: number,
  boardType: 'scrum' | 'kanban',
  opts: SeedOptions,
): SeedProject {
  store.putProject({
    ...p,
    leadAccountId: 'acc-alice',
    permissions: Object.fromEntries(DEMO_USERS.map((u) => [u.accountId, [...u.perms]])),
  });
  store.putBoard({ id: boardId, name: `${p.key} board`, type: boardType, projectId: p.id });
  const project: SeedProject = { ...p, boardId, boardType, sprints: [] };
  if (boardType === 'kanban') return project;
  const activeStart = opts.now - 5 * DAY;
  const firstStart = activeStart - Math.ceil(opts.spanDays / SPRINT_DAYS + 1) * SPRINT_DAYS * DAY;
  let rank = 0;
  for (let s = firstStart; s <= activeStart + 2 * SPRINT_DAYS * DAY; s += SPRINT_DAYS * DAY) {
    const id = store.nextId('sprint', 1);
    const state = s < activeStart ? 'closed' : s === activeStart ? 'active' : 'future';
    store.putSprint({
      id,
      name: `${p.key} Sprint ${project.sprints.length + 1}`,
      state,
      boardId,
      rank: rank++,
      startDate: state === 'future' ? undefined : jiraTime(s),
      endDate: state === 'future' ? undefined : jiraTime(s + SPRINT_DAYS * DAY),
      goal: undefined,
    });
    project.sprints.push({ id, start: s, end: s + SPRINT_DAYS * DAY, state });
  }
  return project;
}
