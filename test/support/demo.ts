import { startHarness, type Harness } from '../../dev/harness/server';
import { startTestJira, type TestJira } from './jira';

/** The demo as `npm start` serves it (seeded emulator + harness), in memory, on free ports. */
export async function startDemo(): Promise<{ jira: TestJira; harness: Harness; close(): Promise<void> }> {
  const jira = await startTestJira();
  const harness = await startHarness(jira.emulator, jira.platform, 0);
  return {
    jira,
    harness,
    close: async () => {
      await harness.close();
      await jira.close();
    },
  };
}
