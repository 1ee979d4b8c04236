import { HttpError } from '../http-error';
import { can, requireSiteAdmin } from '../permissions';
import type { ProjectPermission } from '../state/model';
import { obj, ok, str, type RouteTable } from './types';

export const configRoutes: RouteTable = {
  'GET /rest/api/3/myself': ({ caller, render }) => ok(render.user(caller.user)),

  'GET /rest/api/3/project/{projectIdOrKey}': ({ store, caller, params, base }) => {
    const p = store.projectByKeyOrId(params.projectIdOrKey ?? '');
    if (!p || !can(caller, p, 'BROWSE'))
      throw new HttpError(404, [`No project could be found with key '${params.projectIdOrKey}'.`]);
    return ok({
      self: `${base}/rest/api/3/project/${p.id}`,
      id: p.id,
      key: p.key,
      name: p.name,
      style: 'classic',
      simplified: false,
      projectTypeKey: 'software',
      // The issue types of the project's scheme: a project with a scheme of its own may lack the app's type.
      issueTypes: [...store.issueTypes.values()]
        .filter((t) => !p.issueTypeIds || p.issueTypeIds.includes(t.id))
        .map((t) => ({
          self: `${base}/rest/api/3/issuetype/${t.id}`,
          id: t.id,
          name: t.name,
          description: t.description,
          subtask: t.subtask,
          hierarchyLevel: t.hierarchyLevel,
        })),
    });
  },

  'GET /rest/api/3/field': ({ store }) =>
    ok(
      [...store.fields.values()].map((f) => ({
        id: f.id,
        key: f.id,
        name: f.name,
        custom: f.custom,
        navigable: true,
        searchable: true,
        orderable: true,
        clauseNames: [f.customId ? `cf[${f.customId}]` : f.id, f.name],
        schema: {
          type: f.schemaType,
          ...(f.schemaCustom ? { custom: f.schemaCustom, customId: f.customId } : { system: f.id }),
        },
      })),
    ),

  'GET /rest/api/3/issuetype': ({ store, base }) =>
    ok(
      [...store.issueTypes.values()].map((t) => ({
        self: `${base}/rest/api/3/issuetype/${t.id}`,
        id: t.id,
        name: t.name,
        description: t.description,
        subtask: t.subtask,
        hierarchyLevel: t.hierarchyLevel,
      })),
    ),

  'POST /rest/api/3/issuetype': ({ store, caller, body, base }) => {
    requireSiteAdmin(caller, 'create issue types');
    const b = obj(body);
    const name = (str(b.name) ?? '').trim();
    if (!name) throw new HttpError(400, [], { name: 'The issue type name must be specified.' });
    if ([...store.issueTypes.values()].some((t) => t.name.toLowerCase() === name.toLowerCase()))
      throw new HttpError(409, ['An issue type with this name already exists.']);
    const id = String(store.nextId('issuetype', 10100));
    const t = {
      id,
      name,
      description: str(b.description) ?? '',
      hierarchyLevel: typeof b.hierarchyLevel === 'number' ? b.hierarchyLevel : 0,
      subtask: false,
    };
    store.putIssueType(t);
    return ok({ self: `${base}/rest/api/3/issuetype/${id}`, ...t }, 201);
  },

  'GET /rest/api/3/priority/search': ({ store, base }) => {
    const values = [...store.priorities.values()].map((p) => ({
      self: `${base}/rest/api/3/priority/${p.id}`,
      id: p.id,
      name: p.name,
      isDefault: p.name === 'Medium',
    }));
    return ok({ isLast: true, maxResults: 100, startAt: 0, total: values.length, values });
  },

  'GET /rest/api/3/user/assignable/search': ({ store, query, render }) => {
    const project = store.projectByKeyOrId(query.get('project') ?? '');
    if (!project) throw new HttpError(404, [`Project '${query.get('project') ?? ''}' not found.`]);
    const q = (query.get('query') ?? '').toLowerCase();
    const users = [...store.users.values()]
      .filter((u) => u.active && (project.permissions[u.accountId] ?? []).some((p) => p === 'EDIT' || p === 'ADMIN'))
      .filter((u) => !q || u.displayName.toLowerCase().includes(q) || u.email.toLowerCase().startsWith(q));
    return ok(users.slice(0, Number(query.get('maxResults') ?? 50)).map((u) => render.user(u)));
  },

  'GET /rest/api/3/mypermissions': ({ store, caller, query }) => {
    const wanted = (query.get('permissions') ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (wanted.length === 0) throw new HttpError(400, ['The permissions parameter is required.']);
    const projectRef = query.get('projectKey') ?? query.get('projectId');
    const project = projectRef ? store.projectByKeyOrId(projectRef) : undefined;
    if (projectRef && (!project || !can(caller, project, 'BROWSE')))
      throw new HttpError(404, [`No project could be found with key '${projectRef}'.`]);
    const map: Record<string, ProjectPermission> = {
      BROWSE_PROJECTS: 'BROWSE',
      CREATE_ISSUES: 'CREATE',
      EDIT_ISSUES: 'EDIT',
      ADMINISTER_PROJECTS: 'ADMIN',
      ADD_COMMENTS: 'COMMENT',
      MANAGE_SPRINTS_PERMISSION: 'ADMIN',
    };
    const permissions: Record<string, unknown> = {};
    for (const key of wanted) {
      const perm = map[key];
      if (!perm) throw new HttpError(400, [`The permission '${key}' is not supported by this emulator.`]);
      permissions[key] = {
        id: key,
        key,
        name: key,
        type: 'PROJECT',
        description: '',
        havePermission: project ? can(caller, project, perm) : caller.isApp || caller.user.siteAdmin,
      };
    }
    return ok({ permissions });
  },

  'GET /rest/api/3/issueLinkType': ({ store, base }) =>
    ok({
      issueLinkTypes: [...store.linkTypes.values()].map((l) => ({
        self: `${base}/rest/api/3/issueLinkType/${l.id}`,
        ...l,
      })),
    }),

  'POST /rest/api/3/issueLinkType': ({ store, caller, body, base }) => {
    // The spec lists 404 for "the user does not have the required permissions" (no 403).
    if (!caller.isApp && !caller.user.siteAdmin)
      throw new HttpError(404, ['You do not have the permission to manage issue link types.']);
    const b = obj(body);
    const name = str(b.name)?.trim();
    const inward = str(b.inward)?.trim();
    const outward = str(b.outward)?.trim();
    if (!name || !inward || !outward) throw new HttpError(400, ['Name, inward and outward descriptions are required.']);
    if ([...store.linkTypes.values()].some((l) => l.name.toLowerCase() === name.toLowerCase()))
      throw new HttpError(400, [`An issue link type with the name '${name}' already exists.`]);
    const id = String(store.nextId('linktype', 10100));
    store.putLinkType({ id, name, inward, outward });
    return ok({ self: `${base}/rest/api/3/issueLinkType/${id}`, id, name, inward, outward }, 201);
  },
};
