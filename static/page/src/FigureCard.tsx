import { router } from '@forge/bridge';
import { token } from '@atlaskit/tokens';
import type { JqlFigure } from '@shared/contract';

/** One headline number, with the JQL behind it and a link to Jira's issue search for that JQL. */
export function FigureCard({ figure }: { figure: JqlFigure }) {
  const href = `/issues/?jql=${encodeURIComponent(figure.jql)}`;
  return (
    <div data-testid="figure" style={{ border: `1px solid ${token('color.border', '#091E4224')}`, borderRadius: token('radius.small', '4px'), padding: token('space.200', '16px'), background: token('elevation.surface.raised', '#FFFFFF') }}>
      <div style={{ color: token('color.text.subtle', '#44546F') }}>{figure.label}</div>
      <div data-testid="figure-value" style={{ font: token('font.heading.xlarge', 'bold 29px sans-serif') }}>{figure.value.toLocaleString('en-US')}</div>
      <a href={href} data-testid="figure-jql" title={figure.jql} onClick={(e) => { e.preventDefault(); void router.open(href); }} style={{ fontSize: '12px', color: token('color.link', '#0C66E4'), wordBreak: 'break-word' }}>
        {figure.jql}
      </a>
    </div>
  );
}
