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
import { propertyField, systemField, type Atom, type FieldAccessor } from './fields';
import type { PropertyIndex } from './property-index';

export interface JqlContext {
  store: JiraStore;
  index: PropertyIndex;
  accountId: string;
  now: number;
}
export interface CompiledQuery {
  where: ((i: IssueRec) => boolean) | null;
  compare: (a: IssueRec, b: IssueRec) => number;
}

/** Parses JQL with Atlassian's own parser and compiles it to a predicate and an ordering. */
export function compileJql(jql: string, ctx: JqlContext): CompiledQuery {
  const ast = new JastBuilder().build(jql);
  if (ast.errors.length > 0) {
    throw new JqlError(`Error in the JQL Query: ${ast.errors.map((e) => e.message).join('; ')}`);
  }
  const where = ast.query?.where ? compileClause(ast.query.where, ctx) : null;
  return { where, compare: compileOrder(ast.query?.orderBy ?? undefined, ctx) };
}

function compileClause(c: Clause, ctx: JqlContext): (i: IssueRec) => boolean {
  switch (c.clauseType) {
    case 'compound': {
      const parts = c.clauses.map((x) => compileClause(x, ctx));
      return c.operator.value === 'and' ? (i) => parts.every((p) => p(i)) : (i) => parts.some((p) => p(i));
    }
    case 'not': {
      const inner = compileClause(c.clause, ctx);
      return (i) => !inner(i);
    }
    default:
      return compileTerminal(c, ctx);
  }
}

function resolveField(field: Field, ctx: JqlContext): FieldAccessor {
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
  const f = systemField(name, ctx.store);
  if (!f) throw new JqlError(`Field '${name}' does not exist or this emulator does not support searching it.`);
  return f;
}

function operandAtoms(op: Operand, field: FieldAccessor, ctx: JqlContext): Atom[] {
  switch (op.operandType) {
    case 'list':
      return op.values.flatMap((v) => operandAtoms(v, field, ctx));
    case 'keyword':
      throw new JqlError('EMPTY can only be used with IS and IS NOT.');
    case 'function': {
      const name = op.function.value;
      const args = op.arguments.map((a) => a.value);
      const lname = name.toLowerCase();
      if (lname === 'currentuser') return [ctx.accountId.toLowerCase()];
      if (lname === 'linkedissues') return linkedIssueAtoms(args, ctx);
      if (['futuresprints', 'opensprints', 'closedsprints'].includes(lname)) {
        const state = lname === 'futuresprints' ? 'future' : lname === 'opensprints' ? 'active' : 'closed';
        return [...ctx.store.sprints.values()].filter((s) => s.state === state).map((s) => s.id);
      }
      if (DATE_FUNCTIONS.has(lname) && field.kind === 'date') return [dateFunction(name, args, ctx.now)];
      throw new JqlError(`The function '${name}' is not supported for field '${field.name}'.`);
    }
    default: {
      const raw = op.value;
      if (field.kind === 'date') return [parseDateValue(raw, ctx.now)];
      if (field.kind === 'number') {
        const n = Number(raw);
        if (!Number.isFinite(n))
          throw new JqlError(`The value '${raw}' is not a valid number for field '${field.name}'.`);
        return [n];
      }
      return [raw.toLowerCase()];
    }
  }
}

function linkedIssueAtoms(args: string[], ctx: JqlContext): Atom[] {
  const [key, description] = args;
  const issue = key ? ctx.store.issueByKeyOrId(key) : undefined;
  if (!issue)
    throw new JqlError(
      `Issue '${key ?? ''}' given to linkedIssues() does not exist or you do not have permission to view it.`,
    );
  const wanted = description?.toLowerCase();
  const out: Atom[] = [];
  for (const l of ctx.store.links.values()) {
    const type = ctx.store.linkTypes.get(l.typeId);
    if (!type) continue;
    // From `issue`'s side: it is the outward issue's inward end and vice versa.
    let other: number | null = null;
    let desc = '';
    if (l.outwardIssueId === issue.id) {
      other = l.inwardIssueId;
      desc = type.outward;
    } else if (l.inwardIssueId === issue.id) {
      other = l.outwardIssueId;
      desc = type.inward;
    }
    if (other === null) continue;
    if (wanted && wanted !== desc.toLowerCase() && wanted !== type.name.toLowerCase()) continue;
    const o = ctx.store.issues.get(other);
    if (o) out.push(o.key.toLowerCase());
  }
  return out;
}

function compileTerminal(c: TerminalClause, ctx: JqlContext): (i: IssueRec) => boolean {
  const field = resolveField(c.field, ctx);
  const op = c.operator?.value?.toLowerCase();
  const operand = c.operand;
  if (!op || !operand) throw new JqlError(`Incomplete clause for field '${field.name}'.`);
  if (op === 'is' || op === 'is not') {
    if (operand.operandType !== 'keyword')
      throw new JqlError(`The operator '${op.toUpperCase()}' only takes EMPTY or NULL.`);
    return op === 'is' ? (i) => field.get(i).length === 0 : (i) => field.get(i).length > 0;
  }
  const atoms = operandAtoms(operand, field, ctx);
  switch (op) {
    case '=':
    case 'in': {
      const set = new Set(atoms);
      return (i) => field.get(i).some((v) => set.has(v));
    }
    case '!=':
    case 'not in': {
      const set = new Set(atoms);
      // Like Jira, a negative match does not return issues where the field is empty.
      return (i) => {
        const vs = field.get(i);
        return vs.length > 0 && !vs.some((v) => set.has(v));
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (field.kind === 'text')
        throw new JqlError(`The operator '${op}' is not supported by the '${field.name}' field.`);
      const target = atoms[0];
      if (typeof target !== 'number') throw new JqlError(`The operator '${op}' needs one value.`);
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
        `The operator '${op.toUpperCase()}' is not supported by this emulator for field '${field.name}'.`,
      );
  }
}

function compileOrder(orderBy: OrderBy | undefined, ctx: JqlContext): (a: IssueRec, b: IssueRec) => number {
  const keys = (orderBy?.fields ?? []).map((f) => {
    const name = f.field.value;
    const accessor =
      name.toLowerCase() === 'issue.property' || ctx.index.alias(name)
        ? resolveField(f.field, ctx)
        : systemField(name, ctx.store);
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
