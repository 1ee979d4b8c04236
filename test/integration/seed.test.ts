import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../dev/emulator/server';
import { seedDemo } from '../../dev/seed/generate';
import type { SeedContext } from '../../dev/seed/world';
import { StoredPostMortemSchema } from '../../src/shared/postmortem';
import { TEST_NOW } from '../support/jira';

let emulator: Emulator;
let seen: SeedContext | null = null;
before(async () => {
  emulator = await startEmulator({ now: () => TEST_NOW });
  seedDemo(emulator.store, {
    seed: 42,
    incidents: 180,
    spanDays: 365,
    now: TEST_NOW,
    actionsPerIncident: 'varied',
    kanbanIncidents: 30,
    extensions: [(ctx) => (seen = ctx)],
  });
});
after(async () => {
  await emulator.close();
});
const issues = () => [...emulator.store.issues.values()];
const docs = () =>
  issues().flatMap((i) => {
    const s = StoredPostMortemSchema.safeParse(i.properties.postmortem);
    return s.success ? [{ issue: i, pm: s.data }] : [];
  });

describe('the demo seed', () => {
  it('writes nothing later than its "now"', () => {
    const late: string[] = [];
    const walk = (v: unknown, where: string) => {
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && Date.parse(v) > TEST_NOW)
        late.push(`${where} ${v}`);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`);
    };
    for (const i of issues()) walk(i, i.key);
    assert.deepEqual(late.slice(0, 5), []);
  });

  it('has a Kanban project beside the scrum one, with incidents and action tickets but no sprints', () => {
    const boards = [...emulator.store.boards.values()];
    assert.deepEqual(boards.map((b) => b.type).sort(), ['kanban', 'scrum']);
    const kanban = boards.find((b) => b.type === 'kanban');
    const web = issues().filter((i) => i.projectId === kanban?.projectId);
    assert.ok(web.filter((i) => i.issueTypeId === '10050').length === 30);
    const tickets = web.filter((i) => i.properties.postmortemAction);
    assert.ok(tickets.length > 10);
    assert.ok(tickets.every((t) => t.sprintIds.length === 0));
    assert.ok([...emulator.store.sprints.values()].every((s) => s.boardId !== kanban?.id));
  });

  it('writes varied post-mortems: several root causes per category, titles without brackets', () => {
    const byCategory = new Map<string, Set<string>>();
    for (const { pm } of docs()) {
      const set = byCategory.get(pm.doc.category) ?? new Set<string>();
      set.add(pm.doc.rootCause);
      byCategory.set(pm.doc.category, set);
    }
    assert.equal(byCategory.size, 7);
    for (const [category, causes] of byCategory) assert.ok(causes.size >= 3, `${category}: ${causes.size}`);
    const lessons = new Set(docs().map(({ pm }) => pm.doc.lessons));
    assert.ok(lessons.size >= 20);
    assert.ok(issues().every((i) => !/\[|\]/.test(i.summary)));
    for (const { pm } of docs().filter(({ pm }) => pm.doc.repeatOf)) {
      const earlier = docs().find(({ issue }) => issue.key === pm.doc.repeatOf);
      assert.equal(earlier?.pm.doc.category, pm.doc.category);
    }
  });

  it('hands extensions what they need to add cases', () => {
    assert.ok(seen);
    assert.equal(seen.now, TEST_NOW);
    assert.deepEqual(
      seen.projects.map((p) => [p.key, p.boardType]),
      [
        ['OPS', 'scrum'],
        ['WEB', 'kanban'],
      ],
    );
    assert.equal(seen.incidents.length, 210);
    assert.ok(seen.engineers.length >= 3);
  });
});
