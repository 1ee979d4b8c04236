import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import type { TimelineFigures } from '@domain/timeline';
import { MILESTONES, MILESTONE_LABELS, type Timeline } from '@shared/postmortem';
import { formatUtc } from '@ui/format';

export const timelineHead: HeadType = { cells: [{ key: 'milestone', content: 'Milestone' }, { key: 'at', content: 'Time (UTC)' }] };

export function timelineRows(t: Timeline): RowType[] {
  const milestones = MILESTONES.map((m) => ({ key: m, label: MILESTONE_LABELS[m], at: t[m] }));
  const extra = t.extra.map((e, i) => ({ key: `extra-${i}`, label: e.text, at: e.at }));
  return [...milestones, ...extra].map((r) => ({ key: r.key, cells: [{ key: 'milestone', content: r.label }, { key: 'at', content: formatUtc(r.at) }] }));
}

export function figureList(f: TimelineFigures): { label: string; value: number | null }[] {
  return [
    { label: 'Time to acknowledge', value: f.timeToAcknowledgeMinutes },
    { label: 'to identify', value: f.timeToIdentifyMinutes },
    { label: 'to fix', value: f.timeToFixMinutes },
    { label: 'to recover', value: f.timeToRecoverMinutes },
    { label: 'total', value: f.totalDurationMinutes },
  ];
}
