import { HttpError } from '../http-error';
import { editableIssue, visibleIssue } from '../permissions';
import { noContent, ok, type RouteTable } from './types';

const LIMIT = 32_768;

export const propertyRoutes: RouteTable = {
  'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': ({ store, caller, params }) => {
    const issue = visibleIssue(store, caller, params.issueIdOrKey ?? '');
    const key = params.propertyKey ?? '';
    if (!(key in issue.properties)) throw new HttpError(404, [`The property with key '${key}' does not exist.`]);
    return ok({ key, value: issue.properties[key] });
  },

  'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': ({ store, caller, params, body }) => {
    const issue = editableIssue(store, caller, params.issueIdOrKey ?? '');
    const key = params.propertyKey ?? '';
    if (key.length > 255) throw new HttpError(400, ['The property key cannot be longer than 255 characters.']);
    const size = Buffer.byteLength(JSON.stringify(body ?? null), 'utf8');
    if (body === undefined) throw new HttpError(400, ['The property value must be a valid, non-empty JSON value.']);
    if (size > LIMIT) throw new HttpError(400, [`The property value is ${size} bytes; the maximum is ${LIMIT} bytes.`]);
    const existed = key in issue.properties;
    issue.properties[key] = body;
    store.putIssue(issue);
    return existed ? ok({}, 200) : ok({}, 201);
  },

  'DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': ({ store, caller, params }) => {
    const issue = editableIssue(store, caller, params.issueIdOrKey ?? '');
    const key = params.propertyKey ?? '';
    if (!(key in issue.properties)) throw new HttpError(404, [`The property with key '${key}' does not exist.`]);
    delete issue.properties[key];
    store.putIssue(issue);
    return noContent();
  },
};
