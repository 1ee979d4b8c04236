import { router } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { ActionResult } from '@ui/ActionResult';
import { useAction, type Outcome } from '@ui/use-action';

export const searchHref = (jql: string) => `/issues/?jql=${encodeURIComponent(jql)}`;

/** "View in Jira": opens Jira's issue search with the JQL behind a figure, so a manager can check the number. */
export function JqlLink({ jql, name, testId }: { jql: string; name: string; testId?: string }) {
  const href = searchHref(jql);
  return (
    <a
      href={href}
      data-testid={testId ?? 'jql-link'}
      aria-label={`View in Jira: ${name}`}
      onClick={(e) => {
        e.preventDefault();
        void router.open(href);
      }}
      style={{ color: token('color.link', '#0C66E4'), marginRight: token('space.150', '12px') }}
    >
      View in Jira
    </a>
  );
}

/** The JQL itself, behind a disclosure, with a copy button: the figure stays readable. */
export function JqlDisclosure({
  items,
  name,
  testId,
}: {
  items: { label: string; jql: string }[];
  name: string;
  testId?: string;
}) {
  const copy = useAction(async (it: { label: string; jql: string }): Promise<Outcome> => {
    try {
      await navigator.clipboard.writeText(it.jql);
      return { ok: true, flag: 'JQL copied', message: items.length > 1 ? `${name}: ${it.label}` : name };
    } catch {
      return {
        ok: true,
        message: 'Select the JQL above and copy it (the browser did not allow clipboard access here).',
      };
    }
  });
  return (
    <details data-testid={testId ?? 'jql-disclosure'} style={{ marginTop: token('space.100', '8px'), fontSize: 12 }}>
      <summary style={{ cursor: 'pointer', color: token('color.text.subtle', '#44546F') }}>JQL for {name}</summary>
      {items.map((it) => (
        <div key={it.label} style={{ marginTop: token('space.100', '8px') }}>
          <code
            data-testid="jql-text"
            style={{ display: 'block', wordBreak: 'break-word', color: token('color.text', '#172B4D') }}
          >
            {it.jql}
          </code>
          <Button
            spacing="compact"
            aria-label={`Copy JQL: ${items.length > 1 ? `${name}, ${it.label}` : name}`}
            isLoading={copy.busy}
            onClick={() => copy.run(it)}
          >
            Copy JQL
          </Button>
          {items.length > 1 && <span style={{ marginLeft: 8 }}>{it.label}</span>}
        </div>
      ))}
      <ActionResult outcome={copy.outcome} testId="jql-copy-result" />
    </details>
  );
}
