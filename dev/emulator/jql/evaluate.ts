import {
  JastBuilder,
  type Clause,
  type Field,
  type Operand,
  type OrderBy,
  type TerminalClause,
} from '@atlaskit/jql-ast';
import type { IssueRec } from '../state/model';
import type { JiraStore } from '../state/store';
import { DATE_FUNCTIONS, dateFunction, parseDateValue } from './dates';
import { JqlError } from './errors';
import { propertyField, systemField, type Atom, type FieldAccessor, type FieldScope } from './fields';
import { linkedIssueAtoms } from './linked';
import { decodeJqlLiteral } from './literal';
import type { PropertyIndex } from './property-index';

export interface JqlContext {
  store: JiraStore;
  index: PropertyIndex;
  accountId: string;
  now: number;
  /** The searching user's zone: Jira reads date literals and date functions in it. */
  timeZone: string;
  canBrowse(projectId: string): boolean;
}
export interface CompiledQuery {
  where: ((i: IssueRec) => boolean) | null;
  compare: (a: IssueRec, b: IssueRec) => number;
  /** Conditions every match must meet, for candidates.ts to skip issues early; `where` still decides. */
  narrow: Narrowing;
}

/**
 * Clauses ANDed at the top of the query that the candidate index can use: tests on project or issue type (they read
 * only an issue's projectId / issueTypeId), and `created` bounds (monotone in the creation instant).
 */
export interface Narrowing {
  bucket: ((i: IssueRec) => boolean)[];
  createdFrom: ((i: IssueRec) => boolean)[];
  createdTo: ((i: IssueRec) => boolean)[];
  /** `key = X` or `key IN (...)` (also `issue`, `issuekey`): every match is one of these keys or ids. */
  keys: string[][];
}

/** EMPTY (or NULL) inside `=`, `!=`, `in` and `not in`: Jira accepts `field = EMPTY` and `field in (EMPTY, x)`. */
const EMPTY = Symbol('EMPTY');
type Operands = (Atom | typeof EMPTY)[];

interface Compile extends JqlContext {
  /** Every value that does not exist, collected: Jira reports them all in one 400. */
  errors: string[];
  scope: FieldScope;
}

/**
 * Parsing depends on the text alone, and Atlassian's parser takes 100-300 ms for a JQL of a few kilobytes (long key
 * lists, a day-by-day on-time test): parsed queries are kept (compiling, which checks values against the store,
 * runs every time).
 */
const parsedCache = new Map<string, ReturnType<JastBuilder['build']>>();
function parsed(jql: string) {
  const hit = parsedCache.get(jql);
  if (hit) return hit;
  const ast = new JastBuilder().build(jql);
  if (parsedCache.size >= 2000) parsedCache.clear();
  parsedCache.set(jql, ast);
  return ast;
}

/** Parses JQL with Atlassian's own parser and compiles it to a predicate and an ordering. */
export function compileJql(jql: string, ctx: JqlContext): CompiledQuery {
  const ast = parsed(jql);
  if (ast.errors.length > 0) {
    throw new JqlError(`Error in the JQL Query: ${ast.errors.map((e) => e.message).join('; ')}`);
  }
  const c: Compile = {
    ...ctx,
    errors: [],
    scope: { store: ctx.store, canBrowse: ctx.canBrowse, timeZone: ctx.timeZone },
  };
  const where = ast.query?.where ? compileClause(ast.query.where, c, false) : null;
  const compare = compileOrder(ast.query?.orderBy ?? undefined, c);
  if (c.errors.length > 0) throw new JqlError(c.errors);
  return { where, compare, narrow: narrowing(ast.query?.where ?? undefined, { ...c, errors: [] }) };
}

function narrowing(where: Clause | undefined, ctx: Compile): Narrowing {
  const out: Narrowing = { bucket: [], createdFrom: [], createdTo: [], keys: [] };
  if (!where) return out;
  const top = where.clauseType === 'compound' && where.operator.value === 'and' ? where.clauses : [where];
  for (const c of top) {
    if (c.clauseType !== 'terminal' || !c.operand) continue;
    const name = c.field.value.toLowerCase();
    const op = c.operator?.value?.toLowerCase() ?? '';
    if (c.field.properties?.length || ctx.index.alias(name)) continue;
    if (['project', 'issuetype', 'type'].includes(name) && (op === '=' || op === 'in'))
      out.bucket.push(compileTerminal(c, ctx, false));
    else if (['key', 'issue', 'issuekey'].includes(name) && (op === '=' || op === 'in')) {
      const atoms = operandAtoms(c.operand, resolveField(c.field, ctx), ctx);
      // EMPTY never matches a key: the remaining values are all the issues the clause can match.
      out.keys.push(atoms.flatMap((a) => (a === EMPTY ? [] : [String(a)])));
    } else if (['created', 'createddate'].includes(name) && (op === '>=' || op === '>'))
      out.createdFrom.push(compileTerminal(c, ctx, false));
    else if (['created', 'createddate'].includes(name) && (op === '<=' || op === '<'))
      out.createdTo.push(compileTerminal(c, ctx, false));
  }
  return out;
}

/**
 * NOT is pushed down to the terminal clauses (De Morgan), so `NOT status = Done` means `status != Done` and, as in
 * Jira, leaves out issues whose field is empty (support.atlassian.com/jira-software-cloud/docs/jql-operators/:
 * the != operator "will not match a field that has no value").
 */
function compileClause(c: Clause, ctx: Compile, negate: boolean): (i: IssueRec) => boolean {
  switch (c.clauseType) {
    case 'compound': {
      const parts = c.clauses.map((x) => compileClause(x, ctx, negate));
      const and = (c.operator.value === 'and') !== negate;
      return and ? (i) => parts.every((p) => p(i)) : (i) => parts.some((p) => p(i));
    }
    case 'not':
      return compileClause(c.clause, ctx, !negate);
    default:
      return compileTerminal(c, ctx, negate);
  }
}

function resolveField(field: Field, ctx: Compile): FieldAccessor {
  const name = field.value;
  if (name.toLowerCase() === 'issue.property') {
    const prop = field.properties?.[0];
    const key = prop?.key?.value ?? '';
    const path = (prop?.path ?? []).map((p) => p.value).join('');
    const indexed = ctx.index.lookup(key, path);
    if (!indexed)
      throw new JqlError(
        `Field 'issue.property[${key}]${path}' is not indexed: the app's manifest declares no such jira:entityProperty value, so Jira cannot search it.`,
      );
    return propertyField(indexed, `issue.property[${key}]${path}`);
  }
  const alias = ctx.index.alias(name);
  if (alias) return propertyField(alias, name);
  const f = systemField(name, ctx.scope);
  if (!f) throw new JqlError(`Field '${name}' does not exist or this emulator does not support searching it.`);
  return f;
}

function operandAtoms(op: Operand, field: FieldAccessor, ctx: Compile): Operands {
  switch (op.operandType) {
    case 'list':
      return op.values.flatMap((v) => operandAtoms(v, field, ctx));
    case 'keyword':
      return [EMPTY];
    case 'function': {
      const name = op.function.value;
      const args = op.arguments.map((a) => a.value);
      const lname = name.toLowerCase();
      if (lname === 'currentuser') return [ctx.accountId.toLowerCase()];
      if (lname === 'linkedissues') return linkedIssueAtoms(args, ctx);
      if (['futuresprints', 'opensprints', 'closedsprints'].includes(lname)) {
        const state = lname === 'futuresprints' ? 'future' : lname === 'opensprints' ? 'active' : 'closed';
        return [...ctx.store.sprints.values()].filter((s) => s.state === state).map((s) => String(s.id));
      }
      if (DATE_FUNCTIONS.has(lname) && field.kind === 'date') return [dateFunction(name, args, ctx.now, ctx.timeZone)];
      throw new JqlError(`The function '${name}' is not supported for field '${field.name}'.`);
    }
    default: {
      const raw = decodeJqlLiteral(op.text);
      if (field.kind === 'date') return [parseDateValue(raw, ctx.now, ctx.timeZone, field.name)];
      if (field.kind === 'number') {
        const n = Number(raw);
        if (!Number.isFinite(n))
          throw new JqlError(`The value '${raw}' is not a valid number for field '${field.name}'.`);
        return [n];
      }
      // `resolution = Unresolved` is Jira's name for an empty resolution.
      if (field.name.toLowerCase() === 'resolution' && raw.toLowerCase() === 'unresolved') return [EMPTY];
      const problem = field.check?.(raw);
      if (problem) ctx.errors.push(problem);
      return [raw.toLowerCase()];
    }
  }
}

const NEGATED: Record<string, string> = {
  '=': '!=',
  '!=': '=',
  in: 'not in',
  'not in': 'in',
  is: 'is not',
  'is not': 'is',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
};

function compileTerminal(c: TerminalClause, ctx: Compile, negate: boolean): (i: IssueRec) => boolean {
  const field = resolveField(c.field, ctx);
  const written = c.operator?.value?.toLowerCase();
  const operand = c.operand;
  if (!written || !operand) throw new JqlError(`Incomplete clause for field '${field.name}'.`);
  const op = negate ? NEGATED[written] : written;
  if (!op)
    throw new JqlError(
      `The operator '${written.toUpperCase()}' is not supported by this emulator for field '${field.name}'.`,
    );
  if (op === 'is' || op === 'is not') {
    if (operand.operandType !== 'keyword')
      throw new JqlError(`The operator '${written.toUpperCase()}' only takes EMPTY or NULL.`);
    return op === 'is' ? (i) => field.get(i).length === 0 : (i) => field.get(i).length > 0;
  }
  const atoms = operandAtoms(operand, field, ctx);
  const withEmpty = atoms.includes(EMPTY);
  const set = new Set(atoms.filter((a): a is Atom => a !== EMPTY));
  switch (op) {
    case '=':
    case 'in':
      return (i) => {
        const vs = field.get(i);
        return vs.length === 0 ? withEmpty : vs.some((v) => set.has(v));
      };
    case '!=':
    case 'not in':
      // Like Jira, a negative match does not return issues where the field is empty.
      return (i) => {
        const vs = field.get(i);
        return vs.length > 0 && !vs.some((v) => set.has(v));
      };
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (field.kind === 'text')
        throw new JqlError(`The operator '${written}' is not supported by the '${field.name}' field.`);
      const target = atoms[0];
      if (typeof target !== 'number') throw new JqlError(`The operator '${written}' needs one value.`);
      const cmp = {
        '<': (v: number) => v < target,
        '<=': (v: number) => v <= target,
        '>': (v: number) => v > target,
        '>=': (v: number) => v >= target,
      }[op];
      return (i) => field.get(i).some((v) => typeof v === 'number' && cmp(v));
    }
    default:
      throw new JqlError(
        `The operator '${written.toUpperCase()}' is not supported by this emulator for field '${field.name}'.`,
      );
  }
}

function compileOrder(orderBy: OrderBy | undefined, ctx: Compile): (a: IssueRec, b: IssueRec) => number {
  const keys = (orderBy?.fields ?? []).map((f) => {
    const name = f.field.value;
    const accessor =
      name.toLowerCase() === 'issue.property' || ctx.index.alias(name)
        ? resolveField(f.field, ctx)
        : systemField(name, ctx.scope);
    if (!accessor || !accessor.sortable)
      throw new JqlError(`Field '${name}' does not support sorting in this emulator.`);
    const dir = f.direction?.value?.toUpperCase() === 'DESC' ? -1 : 1;
    return { accessor, dir, byKey: ['key', 'issue', 'issuekey', 'id'].includes(name.toLowerCase()) };
  });
  return (a, b) => {
    for (const k of keys) {
      const c = k.byKey ? a.id - b.id : compareAtoms(k.accessor.get(a)[0], k.accessor.get(b)[0]);
      if (c !== 0) return c * k.dir;
    }
    return b.id - a.id; // Jira's default: newest first
  };
}

function compareAtoms(a: Atom | undefined, b: Atom | undefined): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1; // empty values sort last, as in Jira
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
