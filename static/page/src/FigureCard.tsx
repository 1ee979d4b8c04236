import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import { JqlDisclosure, JqlLink } from './JqlLink';

export const card = {
  border: `1px solid ${token('color.border', '#091E4224')}`,
  borderRadius: 4,
  padding: token('space.200', '16px'),
  background: token('elevation.surface.raised', '#FFFFFF'),
} as const;

/**
 * One figure: its name, the value, one sentence of exactly what it counts, "View in Jira" (the search behind the
 * main count) and the JQL behind a disclosure with a copy button.
 */
export function FigureCard({
  name,
  value,
  counts,
  definition,
  jql,
  note,
  testId,
}: {
  name: string;
  value: string;
  counts?: string;
  definition: string;
  /** The first JQL is the one "View in Jira" opens. */
  jql: { label: string; jql: string }[];
  note?: ReactNode;
  testId: string;
}) {
  const main = jql[0];
  return (
    <div style={card} data-testid={testId} role="group" aria-label={name}>
      <div style={{ color: token('color.text.subtle', '#44546F') }}>{name}</div>
      <div data-testid={`${testId}-value`} style={{ font: token('font.heading.xlarge', 'bold 29px sans-serif') }}>
        {value}
      </div>
      {counts && <div data-testid={`${testId}-counts`}>{counts}</div>}
      <p
        data-testid={`${testId}-definition`}
        style={{
          fontSize: 12,
          margin: `${token('space.050', '4px')} 0`,
          color: token('color.text.subtlest', '#626F86'),
        }}
      >
        {definition}
      </p>
      {note && <div style={{ fontSize: 12 }}>{note}</div>}
      {main && <JqlLink jql={main.jql} name={name} testId={`${testId}-jql`} />}
      <JqlDisclosure items={jql} name={name} testId={`${testId}-jql-disclosure`} />
    </div>
  );
}
