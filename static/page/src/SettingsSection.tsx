import { lazy, Suspense, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';

// The form (text areas, pickers, checkboxes) loads when someone opens it: most visitors read figures.
const SettingsPanel = lazy(() => import('./SettingsPanel'));

/** The project's settings, folded away under the report until someone opens them. */
export function SettingsSection() {
  const [open, setOpen] = useState(false);
  return (
    <section
      data-testid="settings"
      aria-labelledby="settings-heading"
      style={{
        marginTop: token('space.400', '32px'),
        borderTop: `1px solid ${token('color.border', '#091E4224')}`,
        paddingTop: token('space.200', '16px'),
      }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Heading size="medium" as="h2" id="settings-heading">
          Project settings
        </Heading>
        <Button
          appearance="subtle"
          testId="settings-toggle"
          aria-expanded={open}
          aria-controls="settings-body"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide the project settings' : 'Show the project settings'}
        </Button>
      </div>
      <p style={{ color: token('color.text.subtle', '#44546F'), margin: '4px 0 0' }}>
        Root-cause categories, action tickets (type, P1-P3, board, due dates), reminders and slipped tickets. Project
        administrators change them.
      </p>
      {open && (
        <div id="settings-body" data-testid="settings-body" style={{ marginTop: token('space.150', '12px') }}>
          <Suspense fallback={<Spinner label="Loading the project settings" />}>
            <SettingsPanel />
          </Suspense>
        </div>
      )}
    </section>
  );
}
