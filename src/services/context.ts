import type { KeyValueStore } from '../storage/kvs';
import type { JiraTransport } from '../jira/transport';

/** Who invoked a resolver and where (from Forge's context, never from the UI's payload). */
export interface InvocationContext {
  accountId: string;
  issueKey?: string;
  projectKey?: string;
}

/** What services need from the platform. Forge supplies requestJira and @forge/kvs; dev/ supplies the emulator. */
export interface Platform {
  /** Jira as the person who invoked the resolver: Jira's permissions apply. */
  asUser(accountId: string): JiraTransport;
  /** Jira as the app, for triggers and install steps only. */
  asApp(): JiraTransport;
  kvs: KeyValueStore;
  now(): number;
}
