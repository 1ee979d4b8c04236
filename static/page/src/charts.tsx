import { token } from '@atlaskit/tokens';
import type { MonthPoint, Ratio } from '@shared/report';
import { monthLabel, pct } from './format';

const W = 720;
const H = 220;
const PAD = { l: 44, r: 12, t: 16, b: 36 };

/** Monthly repeat rate as bars, so a fall from 45% to 12% reads at a glance; months without data are marked. */
export function RepeatTrendChart({ trend }: { trend: MonthPoint[] }) {
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const bw = innerW / Math.max(1, trend.length);
  const y = (v: number) => PAD.t + innerH - v * innerH;
  return (
    <svg
      data-testid="trend-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="Repeat incident rate by month"
      style={{ width: '100%', maxWidth: W }}
    >
      {[0, 0.25, 0.5, 0.75, 1].map((g) => (
        <g key={g}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(g)} y2={y(g)} stroke={token('color.border', '#091E4224')} />
          <text
            x={PAD.l - 6}
            y={y(g) + 4}
            textAnchor="end"
            fontSize="11"
            fill={token('color.text.subtlest', '#626F86')}
          >
            {Math.round(g * 100)}%
          </text>
        </g>
      ))}
      {trend.map((p, i) => {
        const x = PAD.l + i * bw + bw * 0.15;
        return (
          <g key={p.month} data-testid="trend-bar" data-month={p.month} data-rate={p.rate ?? ''}>
            {p.rate !== null ? (
              <rect
                x={x}
                y={y(p.rate)}
                width={bw * 0.7}
                height={innerH - (y(p.rate) - PAD.t)}
                fill={token('color.chart.brand', '#1D7AFC')}
                rx="2"
              >
                <title>{`${monthLabel(p.month)}: ${pct(p.rate)} (${p.repeats} of ${p.published})`}</title>
              </rect>
            ) : (
              <text
                x={x + bw * 0.35}
                y={y(0) - 4}
                textAnchor="middle"
                fontSize="10"
                fill={token('color.text.subtlest', '#626F86')}
              >
                –
              </text>
            )}
            {p.rate !== null && (
              <text
                x={x + bw * 0.35}
                y={y(p.rate) - 4}
                textAnchor="middle"
                fontSize="10"
                fill={token('color.text', '#172B4D')}
              >
                {pct(p.rate)}
              </text>
            )}
            <text
              x={x + bw * 0.35}
              y={H - PAD.b + 14}
              textAnchor="middle"
              fontSize="10"
              fill={token('color.text.subtle', '#44546F')}
            >
              {monthLabel(p.month)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Completion by priority as horizontal bars, with the article's 30% line for reference. */
export function CompletionChart({ rows }: { rows: { priority: string; completion: Ratio }[] }) {
  const w = 520;
  const rowH = 30;
  const left = 40;
  const inner = w - left - 60;
  const h = rows.length * rowH + 30;
  const x = (v: number) => left + v * inner;
  return (
    <svg
      data-testid="completion-chart"
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label="Action item completion by priority"
      style={{ width: '100%', maxWidth: w }}
    >
      {rows.map((r, i) => (
        <g key={r.priority}>
          <text x={0} y={i * rowH + 20} fontSize="12" fill={token('color.text', '#172B4D')}>
            {r.priority}
          </text>
          <rect
            x={left}
            y={i * rowH + 6}
            width={inner}
            height={18}
            fill={token('color.background.neutral', '#091E420F')}
            rx="2"
          />
          {r.completion.value !== null && (
            <rect
              x={left}
              y={i * rowH + 6}
              width={r.completion.value * inner}
              height={18}
              fill={token('color.chart.success', '#22A06B')}
              rx="2"
            />
          )}
          <text x={left + inner + 6} y={i * rowH + 20} fontSize="12" fill={token('color.text', '#172B4D')}>
            {pct(r.completion.value)}
          </text>
        </g>
      ))}
      <line
        x1={x(0.3)}
        x2={x(0.3)}
        y1={0}
        y2={rows.length * rowH + 6}
        stroke={token('color.border.danger', '#E2483D')}
        strokeDasharray="4 3"
      />
      <text
        x={x(0.3)}
        y={rows.length * rowH + 22}
        textAnchor="middle"
        fontSize="11"
        fill={token('color.text.danger', '#AE2E24')}
      >
        30%: industry rate (the article's claim)
      </text>
    </svg>
  );
}

/** Median time to acknowledge and to recover per month, as two lines. */
export function ResponseTimeChart({ trend }: { trend: MonthPoint[] }) {
  const values = trend.flatMap((p) => [p.ttaMedian ?? 0, p.ttrMedian ?? 0]);
  const max = Math.max(10, ...values);
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const x = (i: number) => PAD.l + (i + 0.5) * (innerW / Math.max(1, trend.length));
  const y = (v: number) => PAD.t + innerH - (v / max) * innerH;
  // A month without data breaks the line (a new segment starts), rather than joining its neighbours.
  const line = (pick: (p: MonthPoint) => number | null) =>
    trend
      .map((p, i) => {
        const v = pick(p);
        if (v === null) return '';
        const prev = i > 0 ? pick(trend[i - 1] ?? p) : null;
        return `${prev === null ? 'M' : 'L'}${x(i)},${y(v)}`;
      })
      .filter(Boolean)
      .join(' ');
  const dots = (pick: (p: MonthPoint) => number | null, color: string) =>
    trend.map((p, i) => {
      const v = pick(p);
      return v === null ? null : <circle key={`${p.month}-${color}`} cx={x(i)} cy={y(v)} r="3" fill={color} />;
    });
  return (
    <svg
      data-testid="response-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="Median time to acknowledge and recover by month"
      style={{ width: '100%', maxWidth: W }}
    >
      {[0, 0.5, 1].map((g) => (
        <text
          key={g}
          x={PAD.l - 6}
          y={y(g * max) + 4}
          textAnchor="end"
          fontSize="11"
          fill={token('color.text.subtlest', '#626F86')}
        >
          {Math.round(g * max)}m
        </text>
      ))}
      <path d={line((p) => p.ttrMedian)} fill="none" stroke={token('color.chart.warning', '#D97008')} strokeWidth="2" />
      <path d={line((p) => p.ttaMedian)} fill="none" stroke={token('color.chart.brand', '#1D7AFC')} strokeWidth="2" />
      {dots((p) => p.ttrMedian, token('color.chart.warning', '#D97008'))}
      {dots((p) => p.ttaMedian, token('color.chart.brand', '#1D7AFC'))}
      {trend.map((p, i) => (
        <text
          key={p.month}
          x={x(i)}
          y={H - PAD.b + 14}
          textAnchor="middle"
          fontSize="10"
          fill={token('color.text.subtle', '#44546F')}
        >
          {monthLabel(p.month)}
        </text>
      ))}
      <text x={PAD.l} y={H - 4} fontSize="11" fill={token('color.chart.brand', '#1D7AFC')}>
        — time to acknowledge
      </text>
      <text x={PAD.l + 160} y={H - 4} fontSize="11" fill={token('color.chart.warning', '#D97008')}>
        — time to recover (median minutes)
      </text>
    </svg>
  );
}

/** The text alternative of a chart: the same numbers as a table, behind a disclosure. */
function ChartTable({
  caption,
  head,
  rows,
  testId,
}: {
  caption: string;
  head: string[];
  rows: string[][];
  testId: string;
}) {
  return (
    <details data-testid={testId} style={{ fontSize: 12, marginTop: token('space.100', '8px') }}>
      <summary style={{ cursor: 'pointer' }}>{caption}: show as a table</summary>
      <table style={{ borderCollapse: 'collapse', marginTop: token('space.100', '8px') }}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" style={{ textAlign: 'left', paddingRight: 16 }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r[0]}>
              {r.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" style={{ textAlign: 'left', fontWeight: 'normal', paddingRight: 16 }}>
                    {c}
                  </th>
                ) : (
                  <td key={i} style={{ paddingRight: 16 }}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

const minutes = (v: number | null) => (v === null ? 'no data' : `${v} min`);

export const RepeatTrendTable = ({ trend }: { trend: MonthPoint[] }) => (
  <ChartTable
    caption="Repeat incident rate by month"
    head={['Month', 'Repeat rate', 'Repeats', 'Published post-mortems']}
    rows={trend.map((p) => [monthLabel(p.month), pct(p.rate), String(p.repeats), String(p.published)])}
    testId="trend-table"
  />
);

export const CompletionTable = ({ rows }: { rows: { priority: string; completion: Ratio }[] }) => (
  <ChartTable
    caption="Action item completion by priority"
    head={['Priority', 'Completion', 'Done', 'All']}
    rows={rows.map((r) => [
      r.priority,
      pct(r.completion.value),
      String(r.completion.numerator.count),
      String(r.completion.denominator.count),
    ])}
    testId="completion-table"
  />
);

export const ResponseTimeTable = ({ trend }: { trend: MonthPoint[] }) => (
  <ChartTable
    caption="Median time to acknowledge and to recover by month"
    head={['Month', 'Time to acknowledge', 'Time to recover']}
    rows={trend.map((p) => [monthLabel(p.month), minutes(p.ttaMedian), minutes(p.ttrMedian)])}
    testId="response-table"
  />
);
