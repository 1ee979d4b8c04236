import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';

/** What an input needs to be linked to its hint and message (spread onto the input). */
export interface Described {
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * A labelled form row. `hint` (units, rules) stays under the input; `error` (red, blocks saving) or `warning`
 * (amber, advice only) appear beneath it. Both are linked to the input with aria-describedby.
 */
export function Field({
  label,
  htmlFor,
  hint,
  error,
  warning,
  children,
}: {
  label: string;
  htmlFor: string;
  hint?: string;
  error?: string | null;
  warning?: string | null;
  children: (described: Described) => ReactNode;
}) {
  const hintId = hint ? `${htmlFor}-hint` : null;
  const msgId = error || warning ? `${htmlFor}-msg` : null;
  const ids = [hintId, msgId].filter(Boolean).join(' ');
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
      {children({ ...(ids ? { 'aria-describedby': ids } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <div id={hintId ?? undefined} style={{ color: token('color.text.subtlest', '#626F86'), fontSize: 12 }}>
          {hint}
        </div>
      )}
      {error ? (
        <div
          id={msgId ?? undefined}
          role="alert"
          style={{ color: token('color.text.danger', '#AE2E24'), fontSize: 12 }}
        >
          {error}
        </div>
      ) : warning ? (
        <div
          id={msgId ?? undefined}
          data-testid={`${htmlFor}-warning`}
          style={{ color: token('color.text.warning', '#A54800'), fontSize: 12 }}
        >
          Note: {warning}
        </div>
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
