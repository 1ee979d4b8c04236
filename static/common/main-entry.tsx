import './zod-jitless'; // first: before any schema is built (Forge's CSP forbids eval)
import '@atlaskit/css-reset';
import './base.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { followJiraTheme } from './theme';

/** Mounts a Custom UI page once the theme is known, so it never flashes the wrong colours. */
export function mount(app: ReactNode): void {
  const el = document.getElementById('root');
  if (!el) throw new Error('index.html has no #root');
  void followJiraTheme().finally(() => createRoot(el).render(<StrictMode>{app}</StrictMode>));
}
