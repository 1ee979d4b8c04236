import { toIndex, toStored } from '../../src/domain/index-values';
import { DEFAULT_CATEGORIES, INCIDENT_LABEL, INDEX_PROPERTY, POSTMORTEM_PROPERTY } from '../../src/domain/jira-names';
import { emptyPostMortem, type PostMortem } from '../../src/shared/postmortem';
import { jiraTime, type IssueRec } from '../emulator/state/model';
import type { JiraStore } from '../emulator/state/store';
import type { Rng } from './rng';
import { LEADS, PARKING_IDEAS, STORIES, WENT_WELL, WENT_WRONG, type Story } from './stories';
import {
  DAY,
  HOUR,
  INCIDENT_TYPE_ID,
  REPEAT_LINK_TYPE_ID,
  iso,
  isoDate,
  putActionTicket,
  type SeedOptions,
  type SeedProject,
  type SeededIncident,
  type TicketState,
} from './world';

/** One project's year of incidents: timelines, post-mortems in every state, repeats, action tickets. */
export interface World {
  store: JiraStore;
  rng: Rng;
  opts: SeedOptions;
  engineers: string[];
  totals: { actionTickets: number; published: number; repeats: number };
  incidents: SeededIncident[];
}
interface Earlier {
  key: string;
  id: number;
  service: string;
  actionsDoneBy: number;
}

const storiesOf = (category: string) => STORIES.filter((s) => s.category === category);

export function seedIncidents(w: World, project: SeedProject, count: number, spanDays: number): void {
  const { store, rng, opts } = w;
  const byStory = new Map<Story, Earlier[]>();
  const start = opts.now - spanDays * DAY;
  const step = (spanDays * DAY) / Math.max(1, count);
  // Nothing in the demo is later than its "now": every write below is clamped to this.
  const latest = opts.now - HOUR;
  const past = (ms: number) => Math.min(ms, latest);
  for (let n = 0; n < count; n++) {
    const category = rng.pick(DEFAULT_CATEGORIES);
    // The least told story of the category comes next (ties by chance): each one recurs, none dominates.
    const told = (s: Story) => byStory.get(s)?.length ?? 0;
    const fewest = Math.min(...storiesOf(category).map(told));
    const story = rng.pick(storiesOf(category).filter((s) => told(s) === fewest));
    const service = rng.pick(story.services);
    const commander = rng.pick(w.engineers);
    // The timeline from the first alert; if it would end after "now", the whole incident moves earlier.
    let alert = Math.floor(start + n * step + rng.next() * step * 0.8);
    const offsets = [0, rng.int(1, 25), rng.int(5, 120), rng.int(5, 90), rng.int(2, 30), rng.int(10, 60)];
    const total = offsets.reduce((a, b) => a + b, 0) * 60_000;
    if (alert + total > latest - 2 * HOUR) alert = latest - 2 * HOUR - total;
    const at: number[] = [];
    offsets.reduce((t, m) => (at.push(t + m * 60_000), t + m * 60_000), alert);
    const [, ack = alert, rc = alert, fix = alert, rec = alert, clear = alert] = at;
    const created = alert + rng.int(1, 4) * 60_000;
    const ageDays = (opts.now - created) / DAY;
    const id = store.nextId('issue', 10000);
    const key = `${project.key}-${store.nextId(`issue-seq:${project.id}`, 1)}`;
    const recent = ageDays < 10;
    const incident: IssueRec = {
      id,
      key,
      projectId: project.id,
      issueTypeId: INCIDENT_TYPE_ID,
      summary: `Incident: ${service} ${story.symptom} on ${isoDate(alert)}`,
      description: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `${story.symptom} on ${service}.` }] }],
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
    const seeded: SeededIncident = { key, id, projectKey: project.key, created, actionKeys: [] };
    w.incidents.push(seeded);

    // Post-mortem state: most older ones published, recent ones still being written, a few never started.
    const hasPm = opts.actionsPerIncident === 3 || !recent || rng.chance(0.6);
    if (!hasPm) {
      store.putIssue(incident);
      continue;
    }
    const status: PostMortem['status'] = recent
      ? rng.pick(['draft', 'in-review'] as const)
      : rng.chance(0.92)
        ? 'published'
        : 'in-review';
    const doc = emptyPostMortem();
    doc.status = status;
    doc.title = { service, symptom: story.symptom, date: isoDate(alert) };
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

    // Repeats follow the article's story: 45% until the team adopts the three rules half-way through, then
    // falling to 12% over six months. A repeat happens to the same story again and is worded afresh.
    const earlier = byStory.get(story) ?? [];
    const adoption = start + (opts.now - start) / 2;
    const repeatChance = created < adoption ? 0.45 : 0.45 - 0.33 * Math.min(1, (created - adoption) / (180 * DAY));
    const prev = lastOn(earlier, service) ?? earlier[earlier.length - 1];
    const isRepeat = prev !== undefined && status === 'published' && rng.chance(repeatChance);
    writeText(doc, story, rng, isRepeat);
    if (rng.chance(0.3)) doc.parkingLot = [{ id: 'p1', idea: rng.pick(PARKING_IDEAS) }];
    const publishedAt = status === 'published' ? past(clear + rng.int(1, 5) * DAY) : null;
    if (publishedAt !== null) {
      doc.publishedAt = iso(publishedAt);
      w.totals.published++;
    }
    let repeatWhileOpen = false;
    if (isRepeat && prev) {
      doc.repeatOf = prev.key;
      repeatWhileOpen = prev.actionsDoneBy > created;
      w.totals.repeats++;
      store.putLink({
        id: String(store.nextId('link', 10000)),
        typeId: REPEAT_LINK_TYPE_ID,
        // As POST /issueLink {inwardIssue: this, outwardIssue: prev}: "this repeats root cause of prev".
        inwardIssueId: id,
        outwardIssueId: prev.id,
      });
    }

    // Action tickets (Rule 1: at most three; Rule 2: in the next sprint on a scrum board, linked).
    const count = opts.actionsPerIncident === 3 ? 3 : status === 'draft' ? 0 : rng.int(1, 3);
    let actionsDoneBy = 0;
    let lastWrite = publishedAt ?? past(clear + DAY);
    const actions = rotate(story.actions, rng.int(0, story.actions.length - 1));
    for (let slot = 0; slot < count; slot++) {
      const priority = (['P1', 'P2', 'P3'] as const)[Math.min(2, slot + rng.int(0, 1))] ?? 'P2';
      const sprint = project.sprints.find((s) => s.start > created) ?? project.sprints[project.sprints.length - 1];
      const ticketCreated = past(clear + rng.int(2, 20) * HOUR);
      const due = sprint ? sprint.end - DAY : ticketCreated + rng.int(10, 30) * DAY;
      const owner = rng.pick(w.engineers);
      // Older tickets are mostly done; a share of recent ones are in progress, blocked or not started.
      const roll = rng.next();
      const doneP = ageDays > 60 ? 0.85 : ageDays > 20 ? 0.5 : 0.15;
      const state: TicketState =
        roll < doneP
          ? 'done'
          : roll < doneP + (1 - doneP) * 0.45
            ? 'progress'
            : roll < doneP + (1 - doneP) * 0.6
              ? 'blocked'
              : 'todo';
      const resolvedAt =
        state === 'done' ? past(Math.max(ticketCreated + 4 * HOUR, due + rng.int(-10, 6) * DAY)) : null;
      actionsDoneBy = resolvedAt === null ? Infinity : Math.max(actionsDoneBy, resolvedAt);
      const action = actions[slot % actions.length] ?? 'Follow up';
      const ticket = putActionTicket(store, project, {
        incidentKey: key,
        incidentId: id,
        summary: action,
        owner,
        reporter: commander,
        priority,
        slot,
        itemId: `a${slot + 1}`,
        due,
        created: ticketCreated,
        state,
        resolvedAt,
        sprintId: sprint?.id ?? null,
        service,
        category,
      });
      doc.actionItems.push({
        id: `a${slot + 1}`,
        action,
        ownerAccountId: owner,
        priority,
        dueDate: isoDate(due),
        ticketKey: ticket.key,
      });
      seeded.actionKeys.push(ticket.key);
      lastWrite = Math.max(lastWrite, ticketCreated);
      w.totals.actionTickets++;
    }
    const stored = toStored(doc, {
      version: 1,
      updatedAt: iso(past(lastWrite)),
      updatedBy: commander,
      repeatWhileOpen,
    });
    incident.properties[POSTMORTEM_PROPERTY] = stored;
    incident.properties[INDEX_PROPERTY] = toIndex(stored);
    // Appended in place: copying the lists would make seeding quadratic (minutes at 100,000 incidents).
    earlier.push({ key, id, service, actionsDoneBy });
    byStory.set(story, earlier);
    store.putIssue(incident);
  }
}

/** The latest earlier incident of a story on this service, read from the end (no copy of the list). */
function lastOn(earlier: Earlier[], service: string): Earlier | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i]?.service === service) return earlier[i];
  return undefined;
}

const rotate = <T>(items: readonly T[], by: number): T[] => [...items.slice(by), ...items.slice(0, by)];

/**
 * The written parts. A repeat words the root cause afresh and keeps the factors (they were not fixed); a first
 * occurrence tells the story as written, with one factor sometimes borrowed from another story of the category,
 * so incidents of one category read alike without being copies.
 */
function writeText(doc: PostMortem, story: Story, rng: Rng, repeat: boolean): void {
  doc.rootCause = `${rng.pick(LEADS[story.category] ?? [''])} ${repeat ? story.again : story.rootCause}`.trim();
  const sibling = rng.pick(storiesOf(story.category));
  const borrow = !repeat && sibling !== story && rng.chance(0.5);
  doc.contributingFactors = {
    possible: story.factors.possible,
    detection: borrow ? sibling.factors.detection : story.factors.detection,
    resolution: story.factors.resolution,
  };
  doc.wentWell = pickSome(WENT_WELL, rng.int(1, 3), rng);
  doc.wentWrong = pickSome(WENT_WRONG, rng.int(1, 3), rng);
  doc.lessons = repeat
    ? `This is the second time. ${story.lessons} The follow-up from the first incident was not finished in time.`
    : story.lessons;
}

function pickSome<T>(items: readonly T[], n: number, rng: Rng): T[] {
  const out: T[] = [];
  while (out.length < n) {
    const v = rng.pick(items);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}
