import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';

/** A labelled form row; `hint` shows units or rules under the input, `error` replaces it in red. */
export function Field({
  label,
  htmlFor,
  hint,
  error,
  children,
}: {
  label: string;
  htmlFor: string;
  hint?: string;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <div style={{ marginBottom: token('space.150', '12px') }}>
      <label
        htmlFor={htmlFor}
        style={{
          display: 'block',
          font: token('font.body.small', '12px sans-serif'),
          fontWeight: 600,
          color: token('color.text.subtle', '#44546F'),
          marginBottom: token('space.050', '4px'),
        }}
      >
        {label}
      </label>
      {children}
      {error ? (
        <div role="alert" style={{ color: token('color.text.danger', '#AE2E24'), fontSize: 12 }}>
          {error}
        </div>
      ) : hint ? (
        <div style={{ color: token('color.text.subtlest', '#626F86'), fontSize: 12 }}>{hint}</div>
      ) : null}
    </div>
  );
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section
      aria-label={title}
      data-testid={testId}
      style={{
        marginTop: token('space.300', '24px'),
        paddingTop: token('space.150', '12px'),
        borderTop: `1px solid ${token('color.border', '#091E4224')}`,
      }}
    >
      <div style={{ marginBottom: token('space.100', '8px') }}>
        <Heading size="small">{title}</Heading>
      </div>
      {children}
    </section>
  );
}

export const grid = (columns: string) =>
  ({ display: 'grid', gridTemplateColumns: columns, gap: token('space.150', '12px'), alignItems: 'start' }) as const;

/** Native inputs (date, datetime) styled like Atlaskit fields, for the parts Atlaskit would make heavy. */
export const nativeInput = {
  width: '100%',
  boxSizing: 'border-box',
  padding: '6px 8px',
  borderRadius: 3,
  border: `2px solid ${token('color.border.input', '#8590A2')}`,
  background: token('color.background.input', '#FFFFFF'),
  color: token('color.text', '#172B4D'),
  font: 'inherit',
} as const;
