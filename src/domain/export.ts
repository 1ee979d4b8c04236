import { MILESTONES, MILESTONE_LABELS, type PostMortem } from '../shared/postmortem';
import { mdBlock, mdInline } from './markdown';
import { bulletList, doc, heading, orderedList, paragraph, table, text, type AdfDoc } from './adf';
import { composeTitle } from './rules';
import { timelineFigures } from './timeline';

const hhmm = (iso: string | null) => (iso ? iso.slice(11, 16) : '--:--');
const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));

export interface ActionView {
  action: string;
  owner: string;
  priority: string;
  dueDate: string;
  status: string;
}

function sections(pm: PostMortem, actions: ActionView[]) {
  const f = timelineFigures(pm.timeline);
  const duration = pm.impact.durationMinutesOverride ?? f.totalDurationMinutes;
  return {
    title: composeTitle(pm.title),
    impact: [
      `Duration: ${orDash(duration)} minutes`,
      `Users affected: ${orDash(pm.impact.usersAffected)}`,
      `Revenue impact: ${pm.impact.revenue ? `${pm.impact.revenue.amount} ${pm.impact.revenue.currency}` : '—'}`,
      `SLO budget consumed: ${pm.impact.sloBudgetPct !== null ? `${pm.impact.sloBudgetPct}%` : '—'}`,
    ],
    timeline: [
      ...MILESTONES.map((m) => ({ at: pm.timeline[m], label: MILESTONE_LABELS[m] })),
      ...pm.timeline.extra.map((e) => ({ at: e.at, label: e.text })),
    ].map((e) => `${hhmm(e.at)} - ${e.label}`),
    factors: [pm.contributingFactors.possible, pm.contributingFactors.detection, pm.contributingFactors.resolution].map(
      (x) => x || '—',
    ),
    actions,
  };
}

/** The post-mortem in the article's template layout, as Markdown to paste anywhere. Every text is escaped. */
export function toMarkdown(pm: PostMortem, actions: ActionView[]): string {
  const s = sections(pm, actions);
  const list = (items: string[]) => (items.length ? items.map((i) => `- ${mdInline(i)}`).join('\n') : '- —');
  const para = (v: string) => (v ? mdBlock(v) : '—');
  return [
    `# ${mdInline(s.title)}`,
    '## Impact',
    list(s.impact),
    '## Timeline (UTC)',
    list(s.timeline),
    '## Root Cause',
    para(pm.rootCause),
    '## Contributing Factors',
    s.factors.map((x, i) => `${i + 1}. ${mdInline(x)}`).join('\n'),
    '## What Went Well',
    list(pm.wentWell),
    '## What Went Wrong',
    list(pm.wentWrong),
    '## Action Items',
    [
      '| Action | Owner | Priority | Due Date | Status |',
      '|--------|-------|----------|----------|--------|',
      ...(s.actions.length
        ? s.actions.map(
            (a) => `| ${[a.action, a.owner, a.priority, a.dueDate, a.status].map((c) => mdInline(c)).join(' | ')} |`,
          )
        : ['| — | | | | |']),
    ].join('\n'),
    '## Lessons Learned',
    para(pm.lessons),
  ].join('\n\n');
}

/** The same post-mortem as an ADF comment for the incident. */
export function toAdf(pm: PostMortem, actions: ActionView[]): AdfDoc {
  const s = sections(pm, actions);
  const items = (xs: string[]) => bulletList((xs.length ? xs : ['—']).map((x) => [text(x)]));
  return doc(
    heading(2, s.title),
    heading(3, 'Impact'),
    items(s.impact),
    heading(3, 'Timeline (UTC)'),
    items(s.timeline),
    heading(3, 'Root Cause'),
    paragraph(text(pm.rootCause || '—')),
    heading(3, 'Contributing Factors'),
    orderedList(s.factors.map((x) => [text(x)])),
    heading(3, 'What Went Well'),
    items(pm.wentWell),
    heading(3, 'What Went Wrong'),
    items(pm.wentWrong),
    heading(3, 'Action Items'),
    table(
      ['Action', 'Owner', 'Priority', 'Due Date', 'Status'],
      s.actions.map((a) => [a.action, a.owner, a.priority, a.dueDate, a.status]),
    ),
    heading(3, 'Lessons Learned'),
    paragraph(text(pm.lessons || '—')),
  );
}
