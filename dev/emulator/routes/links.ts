import { HttpError } from '../http-error';
import { editableIssue, visibleIssue } from '../permissions';
import { obj, str, type RouteTable } from './types';

export const linkRoutes: RouteTable = {
  'POST /rest/api/3/issueLink': ({ store, caller, body }) => {
    const b = obj(body);
    const tref = obj(b.type);
    const type = [...store.linkTypes.values()].find(
      (t) => t.id === str(tref.id) || t.name.toLowerCase() === (str(tref.name) ?? '').toLowerCase(),
    );
    if (!type)
      throw new HttpError(404, [`No issue link type with name '${str(tref.name) ?? str(tref.id) ?? ''}' found.`]);
    const inRef = obj(b.inwardIssue);
    const outRef = obj(b.outwardIssue);
    // The spec lists 404 when the user lacks the Link Issues permission (no 403).
    const inward = editableIssue(
      store,
      caller,
      str(inRef.key) ?? str(inRef.id) ?? '',
      () => new HttpError(404, ['You do not have the permission to link issues.']),
    );
    const outward = visibleIssue(store, caller, str(outRef.key) ?? str(outRef.id) ?? '');
    const dup = [...store.links.values()].some(
      (l) => l.typeId === type.id && l.inwardIssueId === inward.id && l.outwardIssueId === outward.id,
    );
    if (!dup)
      store.putLink({
        id: String(store.nextId('link', 10000)),
        typeId: type.id,
        inwardIssueId: inward.id,
        outwardIssueId: outward.id,
      });
    // Jira answers 201 for a duplicate link as well: linking is idempotent.
    return { status: 201 };
  },
};
