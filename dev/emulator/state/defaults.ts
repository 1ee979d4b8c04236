import type { JiraStore } from './store';

/** What a new Jira Software site has: workflow statuses, priorities, standard issue and link types, fields. */
export function installSiteDefaults(store: JiraStore): void {
  store.batch(() => {
    for (const s of [
      { id: '10000', name: 'To Do', category: 'new' as const },
      { id: '10001', name: 'In Progress', category: 'indeterminate' as const },
      { id: '10002', name: 'Blocked', category: 'indeterminate' as const },
      { id: '10003', name: 'Done', category: 'done' as const },
    ])
      store.putStatus(s);
    ['Highest', 'High', 'Medium', 'Low', 'Lowest'].forEach((name, i) => store.putPriority({ id: String(i + 1), name }));
    for (const t of [
      { id: '10001', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0, subtask: false },
      { id: '10002', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0, subtask: false },
      { id: '10003', name: 'Story', description: 'A user story.', hierarchyLevel: 0, subtask: false },
      { id: '10004', name: 'Epic', description: 'A big user story.', hierarchyLevel: 1, subtask: false },
    ])
      store.putIssueType(t);
    for (const l of [
      { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
      { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
      { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
    ])
      store.putLinkType(l);
    const system: [string, string, string][] = [
      ['summary', 'Summary', 'string'],
      ['description', 'Description', 'string'],
      ['status', 'Status', 'status'],
      ['issuetype', 'Issue Type', 'issuetype'],
      ['project', 'Project', 'project'],
      ['priority', 'Priority', 'priority'],
      ['assignee', 'Assignee', 'user'],
      ['reporter', 'Reporter', 'user'],
      ['labels', 'Labels', 'array'],
      ['created', 'Created', 'datetime'],
      ['updated', 'Updated', 'datetime'],
      ['resolutiondate', 'Resolved', 'datetime'],
      ['duedate', 'Due date', 'date'],
      ['issuelinks', 'Linked Issues', 'array'],
      ['comment', 'Comment', 'comments-page'],
    ];
    for (const [id, name, schemaType] of system) store.putField({ id, name, custom: false, schemaType });
    // Deliberately not customfield_10020: the app must look the sprint field up, never assume it.
    store.putField({
      id: 'customfield_10107',
      name: 'Sprint',
      custom: true,
      schemaType: 'array',
      schemaCustom: 'com.pyxis.greenhopper.jira:gh-sprint',
      customId: 10107,
    });
    store.putField({
      id: 'customfield_10016',
      name: 'Story point estimate',
      custom: true,
      schemaType: 'number',
      schemaCustom: 'com.pyxis.greenhopper.jira:jsw-story-points',
      customId: 10016,
    });
  });
}
