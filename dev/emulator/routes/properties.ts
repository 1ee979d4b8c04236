import { HttpError, notFoundIssue } from '../http-error';
import { editableIssue, visibleIssue } from '../permissions';
import { noContent, ok, type RouteTable } from './types';

const LIMIT = 32_768;

/** A property to set, checked as Jira checks it (key length, a value, at most 32,768 bytes of JSON). */
export function propertyEntry(p: Record<string, unknown>): { key: string; value: unknown } {
  const key = typeof p.key === 'string' ? p.key : '';
  if (!key) throw new HttpError(400, ['The property key cannot be empty.']);
  if (key.length > 255) throw new HttpError(400, ['The property key cannot be longer than 255 characters.']);
  if (p.value === undefined) throw new HttpError(400, ['The property value must be a valid, non-empty JSON value.']);
  // The limit is 32,768 BYTES of the UTF-8 JSON, not characters (developer.atlassian.com/cloud/jira/platform/
  // jira-entity-properties/: "The maximum length of the value is 32768 bytes").
  const size = Buffer.byteLength(JSON.stringify(p.value), 'utf8');
  if (size > LIMIT) throw new HttpError(400, [`The property value is ${size} bytes; the maximum is ${LIMIT} bytes.`]);
  return { key, value: p.value };
}

export const propertyRoutes: RouteTable = {
  'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': ({ store, caller, params }) => {
    const issue = visibleIssue(store, caller, params.issueIdOrKey ?? '');
    const key = params.propertyKey ?? '';
    if (!(key in issue.properties)) throw new HttpError(404, [`The property with key '${key}' does not exist.`]);
    return ok({ key, value: issue.properties[key] });
  },

  'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': ({ store, caller, params, body }) => {
    const issue = editableIssue(store, caller, params.issueIdOrKey ?? '');
    const { key } = propertyEntry({ key: params.propertyKey ?? '', value: body });
    const existed = key in issue.properties;
    issue.properties[key] = body;
    store.putIssue(issue);
    return existed ? ok({}, 200) : ok({}, 201);
  },

  'DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': ({ store, caller, params }) => {
    // The spec lists 404 for "the user does not have permission to edit the issue" (no 403).
    const issue = editableIssue(store, caller, params.issueIdOrKey ?? '', () => notFoundIssue(''));
    const key = params.propertyKey ?? '';
    if (!(key in issue.properties)) throw new HttpError(404, [`The property with key '${key}' does not exist.`]);
    delete issue.properties[key];
    store.putIssue(issue);
    return noContent();
  },
};
