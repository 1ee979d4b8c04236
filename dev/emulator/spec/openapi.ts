import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { readSpec, type SpecName } from './spec-dir';

const Parameter = z.object({
  name: z.string(),
  in: z.string(),
  required: z.boolean().optional(),
  schema: z.object({ type: z.string().optional() }).passthrough().optional(),
});
const OperationShape = z
  .object({
    parameters: z.array(z.unknown()).optional(),
    requestBody: z
      .object({ required: z.boolean().optional(), content: z.record(z.string(), z.unknown()).optional() })
      .optional(),
    responses: z.record(
      z.string(),
      z
        .object({ content: z.record(z.string(), z.object({ schema: z.unknown().optional() })).optional() })
        .passthrough(),
    ),
  })
  .passthrough();
const SpecShape = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) });

export interface SpecOperation {
  spec: SpecName;
  template: string;
  method: string;
  queryParams: z.infer<typeof Parameter>[];
  hasJsonBody: boolean;
  bodyRequired: boolean;
  responseCodes: Set<string>;
  jsonResponseCodes: Set<string>;
  deprecated: boolean;
}

interface CompiledPath {
  spec: SpecName;
  template: string;
  regex: RegExp;
  literalSegments: number;
  names: string[];
}

const pointer = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

/**
 * Atlassian's specs, indexed for matching a request to its operation and validating bodies with ajv.
 * Schemas are compiled per operation on first use (the specs are recursive: never dereference them).
 */
export class OpenApiIndex {
  private readonly ajv: Ajv;
  private readonly paths: CompiledPath[] = [];
  private readonly ops = new Map<string, SpecOperation>();
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(specs: SpecName[] = ['platform', 'software']) {
    this.ajv = new Ajv({ strict: false, allErrors: true, ownProperties: true, validateFormats: true });
    addFormats(this.ajv);
    for (const name of specs) {
      const raw = readSpec(name);
      const spec = SpecShape.parse(raw);
      this.ajv.addSchema(raw as object, name);
      for (const [template, methods] of Object.entries(spec.paths)) {
        const names: string[] = [];
        const segments = template.split('/');
        const pattern = segments
          .map((seg) => {
            const m = /^\{(.+)\}$/.exec(seg);
            if (m && m[1]) {
              names.push(m[1]);
              return '([^/]+)';
            }
            return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          })
          .join('/');
        this.paths.push({
          spec: name,
          template,
          regex: new RegExp(`^${pattern}$`),
          literalSegments: segments.filter((s) => !s.startsWith('{')).length,
          names,
        });
        for (const [method, rawOp] of Object.entries(methods)) {
          const op = OperationShape.safeParse(rawOp);
          if (!op.success) continue;
          const params = (op.data.parameters ?? [])
            .map((p) => Parameter.safeParse(p))
            .filter((p) => p.success)
            .map((p) => p.data);
          const responses = op.data.responses;
          this.ops.set(`${method.toUpperCase()} ${template}`, {
            spec: name,
            template,
            method: method.toUpperCase(),
            queryParams: params.filter((p) => p.in === 'query'),
            hasJsonBody: Boolean(op.data.requestBody?.content?.['application/json']),
            bodyRequired: op.data.requestBody?.required === true,
            responseCodes: new Set(Object.keys(responses)),
            jsonResponseCodes: new Set(
              Object.entries(responses)
                .filter(([, r]) => r.content?.['application/json']?.schema !== undefined)
                .map(([c]) => c),
            ),
            deprecated: (rawOp as { deprecated?: unknown }).deprecated === true,
          });
        }
      }
    }
    // Literal segments win over templated ones: /issue/createmeta before /issue/{issueIdOrKey}.
    this.paths.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  match(method: string, path: string): { op: SpecOperation; params: Record<string, string> } | undefined {
    for (const p of this.paths) {
      const m = p.regex.exec(path);
      if (!m) continue;
      const op = this.ops.get(`${method.toUpperCase()} ${p.template}`);
      if (!op) continue;
      const params: Record<string, string> = {};
      p.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { op, params };
    }
    return undefined;
  }

  /** Errors of a request body against the operation's schema (empty when valid). */
  validateRequestBody(op: SpecOperation, body: unknown): string[] {
    if (!op.hasJsonBody) return [];
    const ref = `${op.spec}#/paths/${pointer(op.template)}/${op.method.toLowerCase()}/requestBody/content/application~1json/schema`;
    return this.run(ref, body);
  }

  /** Errors of a JSON response against the spec (a status the spec does not list is an error too). */
  validateResponse(op: SpecOperation, status: number, body: unknown): string[] {
    const code = String(status);
    if (!op.responseCodes.has(code) && !op.responseCodes.has('default')) {
      return [`status ${code} is not a documented response of ${op.method} ${op.template}`];
    }
    if (!op.jsonResponseCodes.has(code)) return [];
    const ref = `${op.spec}#/paths/${pointer(op.template)}/${op.method.toLowerCase()}/responses/${code}/content/application~1json/schema`;
    return this.run(ref, body);
  }

  /** Query parameters: required ones present, integers and booleans well formed. */
  validateQuery(op: SpecOperation, query: URLSearchParams): string[] {
    const errors: string[] = [];
    for (const p of op.queryParams) {
      const v = query.get(p.name);
      if (v === null) {
        if (p.required) errors.push(`query parameter '${p.name}' is required`);
        continue;
      }
      const t = p.schema?.type;
      if (t === 'integer' && !/^-?\d+$/.test(v)) errors.push(`query parameter '${p.name}' must be an integer`);
      if (t === 'boolean' && v !== 'true' && v !== 'false')
        errors.push(`query parameter '${p.name}' must be true or false`);
    }
    return errors;
  }

  private run(ref: string, value: unknown): string[] {
    let validate = this.validators.get(ref);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    if (!validate || validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 10)
      .map(
        (e) =>
          `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: '${String(e.params.additionalProperty)}'` : ''}`,
      );
  }
}
