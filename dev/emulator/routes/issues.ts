import { adfProblems, adfTextLength, TEXT_FIELD_LIMIT } from '../adf';
import { HttpError, forbidden } from '../http-error';
import { can, editableIssue, visibleIssue, type Caller } from '../permissions';
import { jiraTime, type IssueRec } from '../state/model';
import type { JiraStore } from '../state/store';
import { resolutionOf, transitionsFrom } from '../workflow';
import { applyFields, throwIfErrors } from './issue-fields';
import { propertyEntry } from './properties';
import { noContent, obj, ok, str, type RouteTable } from './types';

const list = (v: string | null): string[] =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

export const issueRoutes: RouteTable = {
  'POST /rest/api/3/issue': ({ store, caller, body, now, base }) => ok(createOne(store, caller, body, now, base), 201),

  /**
   * Up to 50 creates in one request (spec: createIssues). Each element is created or refused on its own: 201 with
   * the created issues (in request order) and an error per refused element (failedElementNumber), 400 when every
   * element was refused.
   */
  'POST /rest/api/3/issue/bulk': ({ store, caller, body, now, base }) => {
    const updates = obj(body).issueUpdates;
    if (!Array.isArray(updates)) throw new HttpError(400, ['issueUpdates must be a list of issues to create.']);
    if (updates.length > 50) throw new HttpError(400, ['You can create at most 50 issues in one request.']);
    const issues: ReturnType<typeof createOne>[] = [];
    const errors: { status: number; elementErrors: object; failedElementNumber: number }[] = [];
    updates.forEach((u, i) => {
      try {
        issues.push(createOne(store, caller, u, now, base));
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        errors.push({ status: e.status, elementErrors: e.body(), failedElementNumber: i });
      }
    });
    return ok({ issues, errors }, issues.length === 0 && errors.length > 0 ? 400 : 201);
  },

  'GET /rest/api/3/issue/{issueIdOrKey}': ({ store, caller, params, query, render }) => {
    const issue = visibleIssue(store, caller, params.issueIdOrKey ?? '');
    const fields = query.has('fields') ? list(query.get('fields')) : ['*all'];
    return ok(render.issue(issue, fields, list(query.get('properties')), list(query.get('expand'))));
  },

  'PUT /rest/api/3/issue/{issueIdOrKey}': ({ store, caller, params, body, now }) => {
    const issue = editableIssue(store, caller, params.issueIdOrKey ?? '');
    const next = structuredClone(issue);
    const errors: Record<string, string> = {};
    const fields = obj(obj(body).fields);
    for (const id of store.projects.get(issue.projectId)?.editScreenExcludes ?? [])
      if (id in fields) errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
    throwIfErrors(errors);
    applyFields(store, next, fields, errors);
    throwIfErrors(errors);
    // Spec (editIssue): "Issue properties may be updated as part of the edit": checked like PUT .../properties/{key},
    // all or nothing with the fields.
    const properties = obj(body).properties;
    for (const p of Array.isArray(properties) ? properties : []) {
      const { key, value } = propertyEntry(obj(p));
      next.properties[key] = value;
    }
    if (Object.keys(fields).length > 0) next.updated = jiraTime(now);
    store.putIssue(next);
    return noContent();
  },

  'GET /rest/api/3/issue/{issueIdOrKey}/transitions': ({ store, caller, params, render }) => {
    const issue = visibleIssue(store, caller, params.issueIdOrKey ?? '');
    const transitions = transitionsFrom(issue.statusId).flatMap((t) => {
      const to = store.statuses.get(t.to);
      if (!to) return [];
      return [
        {
          id: t.id,
          name: t.name,
          to: render.status(to),
          hasScreen: false,
          isGlobal: false,
          isInitial: false,
          isAvailable: true,
          isConditional: false,
          isLooped: false,
        },
      ];
    });
    return ok({ transitions });
  },

  'POST /rest/api/3/issue/{issueIdOrKey}/transitions': ({ store, caller, params, body, now }) => {
    const issue = editableIssue(
      store,
      caller,
      params.issueIdOrKey ?? '',
      // The spec lists 400 "the user does not have permission to transition the issue" (no 403).
      () => new HttpError(400, ['You do not have permission to transition this issue.']),
    );
    const id = str(obj(obj(body).transition).id) ?? '';
    const t = transitionsFrom(issue.statusId).find((x) => x.id === id);
    const target = t ? store.statuses.get(t.to) : undefined;
    // Jira: 400 "Transition id '41' is not valid for this issue." for a move the workflow does not allow.
    if (!t || !target) throw new HttpError(400, [`Transition id '${id}' is not valid for this issue.`]);
    const from = store.statuses.get(issue.statusId);
    const at = jiraTime(now);
    issue.changelog.push({ at, field: 'status', from: from?.name ?? null, to: target.name });
    const resolution = t.resolutionId ?? (target.category === 'done' ? resolutionOf(issue) : null);
    if (resolution !== resolutionOf(issue)) {
      const name = (rid: string | null) => (rid ? (store.resolutions.get(rid)?.name ?? null) : null);
      issue.changelog.push({ at, field: 'resolution', from: name(resolutionOf(issue)), to: name(resolution) });
    }
    issue.statusId = target.id;
    issue.resolutionId = resolution;
    issue.resolutiondate = resolution ? at : null;
    issue.updated = at;
    store.putIssue(issue);
    return noContent();
  },

  'GET /rest/api/3/issue/{issueIdOrKey}/comment': ({ store, caller, params, render }) => {
    const issue = visibleIssue(store, caller, params.issueIdOrKey ?? '');
    const comments = issue.comments.map((c) => ({
      id: c.id,
      body: c.body,
      created: c.created,
      updated: c.created,
      author: store.users.get(c.authorId) ? render.user(store.users.get(c.authorId)!) : undefined,
    }));
    return ok({ comments, startAt: 0, maxResults: comments.length, total: comments.length });
  },

  'POST /rest/api/3/issue/{issueIdOrKey}/comment': ({ store, caller, params, body, now, render }) => {
    // Commenting needs Add Comments, not only Browse; the spec lists 400 and 404 here (no 403).
    const issue = editableIssue(
      store,
      caller,
      params.issueIdOrKey ?? '',
      () => new HttpError(400, ['You do not have the permission to comment on this issue.']),
      'COMMENT',
    );
    const adf = obj(body).body;
    const problems = adfProblems(adf);
    if (problems.length)
      throw new HttpError(400, [], {
        comment: `Comment body must be a valid Atlassian Document: ${problems.slice(0, 3).join('; ')}`,
      });
    if (adfTextLength(adf) > TEXT_FIELD_LIMIT)
      throw new HttpError(400, [], {
        comment: `The entered text is too long. It exceeds the allowed limit of ${TEXT_FIELD_LIMIT.toLocaleString('en-US')} characters.`,
      });
    const id = String(store.nextId('comment', 10000));
    const at = jiraTime(now);
    issue.comments.push({ id, authorId: caller.user.accountId, body: adf, created: at });
    store.putIssue(issue);
    return ok({ id, body: adf, created: at, updated: at, author: render.user(caller.user) }, 201);
  },
};

/**
 * `update.issuelinks` on create: [{ add: { type: { name }, inwardIssue | outwardIssue: { key } } }]. The new issue
 * takes the other side, so {add: {type: Blocks, inwardIssue: A}} reads "A blocks NEW" (the issue-linking model).
 * The link is made with the issue, in one request: no answer is needed to know it exists.
 */
function createLinks(store: JiraStore, caller: Caller, issue: IssueRec, raw: unknown) {
  const out: { typeId: string; inwardIssueId: number; outwardIssueId: number }[] = [];
  for (const op of Array.isArray(raw) ? raw : []) {
    const add = obj(obj(op).add);
    const tref = obj(add.type);
    const type = [...store.linkTypes.values()].find(
      (t) => t.id === str(tref.id) || t.name.toLowerCase() === (str(tref.name) ?? '').toLowerCase(),
    );
    if (!type)
      throw new HttpError(400, [], { issuelinks: `No issue link type with name '${str(tref.name) ?? ''}' found.` });
    const inRef = obj(add.inwardIssue);
    const outRef = obj(add.outwardIssue);
    const otherRef = str(inRef.key) ?? str(inRef.id) ?? str(outRef.key) ?? str(outRef.id) ?? '';
    const other = store.issueByKeyOrId(otherRef);
    const project = other ? store.projects.get(other.projectId) : undefined;
    if (!other || !project || !can(caller, project, 'BROWSE'))
      throw new HttpError(400, [], {
        issuelinks: `Issue '${otherRef}' does not exist or you do not have permission to see it.`,
      });
    const otherIsInward = Object.keys(inRef).length > 0;
    out.push({
      typeId: type.id,
      inwardIssueId: otherIsInward ? other.id : issue.id,
      outwardIssueId: otherIsInward ? issue.id : other.id,
    });
  }
  return out;
}

/** One create (POST /rest/api/3/issue, or one element of a bulk create): the created issue's id, key and self. */
function createOne(store: JiraStore, caller: Caller, body: unknown, now: number, base: string) {
  const b = obj(body);
  const fields = obj(b.fields);
  const pref = obj(fields.project);
  const project = store.projectByKeyOrId(str(pref.id) ?? str(pref.key) ?? '');
  if (!project || !can(caller, project, 'BROWSE'))
    throw new HttpError(400, [], { project: 'Specify a valid project ID or key' });
  if (!can(caller, project, 'CREATE')) throw forbidden(`create issues in project ${project.key}`);
  const tref = obj(fields.issuetype);
  const type = [...store.issueTypes.values()].find(
    (t) =>
      (t.id === str(tref.id) || t.name === str(tref.name)) &&
      (!project.issueTypeIds || project.issueTypeIds.includes(t.id)),
  );
  if (!type) throw new HttpError(400, [], { issuetype: 'Specify a valid issue type' });
  const id = store.nextId('issue', 10000);
  const seq = store.nextId(`issue-seq:${project.id}`, 1);
  const at = jiraTime(now);
  const issue: IssueRec = {
    id,
    key: `${project.key}-${seq}`,
    projectId: project.id,
    issueTypeId: type.id,
    summary: '',
    description: null,
    statusId: '10000',
    priorityId: '3',
    assigneeId: null,
    reporterId: caller.isApp ? null : caller.user.accountId,
    labels: [],
    created: at,
    updated: at,
    resolutiondate: null,
    duedate: null,
    sprintIds: [],
    properties: {},
    comments: [],
    changelog: [],
  };
  const errors: Record<string, string> = {};
  if (fields.summary === undefined) errors.summary = 'You must specify a summary of the issue.';
  for (const id of project.createScreenExcludes ?? []) {
    if (id in fields) errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
  }
  // The links field can be missing from a create screen too: then update.issuelinks is refused the same way.
  if (Array.isArray(obj(b.update).issuelinks) && project.createScreenExcludes?.includes('issuelinks'))
    errors.issuelinks = "Field 'issuelinks' cannot be set. It is not on the appropriate screen, or unknown.";
  throwIfErrors(errors);
  applyFields(store, issue, fields, errors);
  throwIfErrors(errors);
  for (const p of Array.isArray(b.properties) ? b.properties : []) {
    const po = obj(p);
    const key = str(po.key);
    if (key) issue.properties[key] = po.value;
  }
  const links = createLinks(store, caller, issue, obj(b.update).issuelinks);
  store.batch(() => {
    store.putIssue(issue);
    for (const l of links) store.putLink({ id: String(store.nextId('link', 10000)), ...l });
  });
  return { id: String(id), key: issue.key, self: `${base}/rest/api/3/issue/${id}` };
}
