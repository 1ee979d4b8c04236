import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';

/**
 * Follows Jira's light or dark theme. Jira (or the local harness) sets data-color-mode on <html> once
 * theming is enabled; the Atlaskit token styles for that mode are then applied (manifest allows inline styles).
 */
export async function followJiraTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // Older hosts without theming: stay light.
  }
  let applied: 'light' | 'dark' | null = null;
  const apply = () => {
    const mode = document.documentElement.getAttribute('data-color-mode') === 'dark' ? 'dark' : 'light';
    // setGlobalTheme rewrites data-color-mode itself: only act on a real change, or the observer loops.
    if (mode === applied) return;
    applied = mode;
    void setGlobalTheme({ colorMode: mode, light: 'light', dark: 'dark' });
  };
  apply();
  new MutationObserver(apply).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-color-mode'],
  });
}
