import api from '@forge/api';
import type { JiraTransport } from './transport';

/** As the person who invoked the resolver: Jira's own permissions decide what they may do. */
export const asUserTransport = (): JiraTransport => ({
  requestJira: (path, init) => api.asUser().requestJira(path, init),
});

/** As the app: for triggers and install steps, where no person is present. */
export const asAppTransport = (): JiraTransport => ({
  requestJira: (path, init) => api.asApp().requestJira(path, init),
});
