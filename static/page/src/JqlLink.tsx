import { router } from '@forge/bridge';
import { token } from '@atlaskit/tokens';

/** The JQL behind a figure, opening Jira's issue search with it so a manager can check the number. */
export function JqlLink({ jql, label, testId }: { jql: string; label?: string; testId?: string }) {
  const href = `/issues/?jql=${encodeURIComponent(jql)}`;
  return (
    <a
      href={href}
      data-testid={testId ?? 'jql-link'}
      title={jql}
      onClick={(e) => {
        e.preventDefault();
        void router.open(href);
      }}
      style={{ fontSize: 11, color: token('color.link', '#0C66E4'), wordBreak: 'break-word', display: 'block' }}
    >
      {label ? `${label}: ` : ''}
      {jql}
    </a>
  );
}
