import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toMarkdown } from '../../src/domain/export';
import { mdBlock, mdInline } from '../../src/domain/markdown';
import { agendaMarkdown } from '../../src/domain/review';
import type { ReviewData, ReviewItem } from '../../src/shared/contract';
import { filledPostMortem } from '../support/incidents';

const HOSTILE = [
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '## Action Items',
  '| forged | row | P1 | 2026-01-01 | Done |',
  '<img src=x onerror=alert(1)>',
  '- a list? 1. or this',
  '***bold*** `code` ~~gone~~ \\',
  '&lt; stays text &amp;',
].join('\n');

/** What a Markdown reader shows: backslash escapes and entities undone (the test's own reading). */
const shown = (md: string) =>
  md.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('Markdown export and agenda copy render hostile text inert', () => {
  it('escapes HTML, links, headings and table rows, and the text still reads the same', () => {
    assert.equal(shown(mdBlock(HOSTILE)), HOSTILE);
    assert.equal(shown(mdInline(HOSTILE)), HOSTILE.replace(/\n/g, ' '));
    const md = mdBlock(HOSTILE);
    assert.doesNotMatch(md, /<script|<img/);
    assert.doesNotMatch(md, /\]\(javascript:/);
    for (const line of md.split('\n')) assert.doesNotMatch(line, /^\s*(#|\||- |\d+\.)/, line);
  });

  it('the post-mortem export has only its own headings and table rows', () => {
    const pm = filledPostMortem(2);
    pm.rootCause = HOSTILE;
    pm.lessons = HOSTILE;
    pm.wentWell = [HOSTILE];
    pm.title.symptom = HOSTILE;
    const md = toMarkdown(
      pm,
      pm.actionItems.map((a) => ({
        action: HOSTILE,
        owner: HOSTILE,
        priority: a.priority,
        dueDate: '—',
        status: 'Open',
      })),
    );
    const headings = md.split('\n').filter((l) => /^#/.test(l));
    assert.deepEqual(
      headings.map((h) => h.replace(/^(#+) .*$/, '$1')),
      ['#', '##', '##', '##', '##', '##', '##', '##', '##'],
    );
    assert.equal(md.split('\n').filter((l) => l.startsWith('|')).length, 2 + 2, 'header, rule and one row per action');
    assert.doesNotMatch(md, /<script|<img|\]\(javascript:/);
    assert.ok(shown(md).includes(HOSTILE), 'root cause reads as typed');
  });

  it('the agenda copy escapes ticket summaries, names and notes', () => {
    const item: ReviewItem = {
      key: 'OPS-9',
      summary: HOSTILE,
      status: 'In Progress',
      statusCategory: 'indeterminate',
      assignee: { accountId: 'x', displayName: '<b>Eve</b>' },
      dueDate: '2026-12-01',
      resolved: null,
      priority: 'High',
      incident: 'OPS-1',
      slot: 0,
      overdue: false,
      inSprint: true,
      outcome: null,
    };
    const review: ReviewData = {
      doneSinceLastReview: [],
      inProgress: [item],
      notStarted: [],
      lastReviewAt: '2026-11-01T00:00:00Z',
      jql: '',
    };
    const md = agendaMarkdown(review, 'OPS-2', HOSTILE);
    assert.equal(md.split('\n').filter((l) => /^#/.test(l)).length, 1);
    assert.doesNotMatch(md, /<script|<b>|\]\(javascript:/);
    assert.ok(shown(md).includes(HOSTILE.replace(/\n/g, ' ')));
  });
});
