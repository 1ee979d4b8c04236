import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JastBuilder, walkAST } from '@atlaskit/jql-ast';
import { quote } from '../../src/domain/jql';
import { hostileString, rng } from '../support/generate';

/** Jira's documented decoding of a quoted JQL string (\" \' \\ \n \r \t \uXXXX and "\ "), written here. */
function jiraDecode(quoted: string): string {
  const body = quoted.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === 'n') out += '\n';
    else if (e === 'r') out += '\r';
    else if (e === 't') out += '\t';
    else if (e === 'u') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += e;
  }
  return out;
}

/** The operand text of the single terminal clause, as Atlassian's parser (the emulator's) reads it. */
function parsedOperand(jql: string): { errors: number; texts: string[] } {
  const ast = new JastBuilder().build(jql);
  const texts: string[] = [];
  walkAST(
    {
      enterTerminalClause(c) {
        const op = c.operand;
        if (op && 'text' in op && typeof op.text === 'string') texts.push(op.text);
      },
    },
    ast,
  );
  return { errors: ast.errors.length, texts };
}

describe('JQL quoting is safe for every character', () => {
  it('1,000 generated hostile values parse as exactly one value that decodes to the original', () => {
    const r = rng(20261127);
    for (let n = 0; n < 1000; n++) {
      const v = hostileString(r);
      const jql = `project = "OPS" AND issue.property[postmortemIndex].service = ${quote(v)} ORDER BY created DESC`;
      const parsed = parsedOperand(jql);
      assert.equal(parsed.errors, 0, `parses: ${JSON.stringify(v)}`);
      assert.equal(parsed.texts.length, 2, `two clauses, no injected ones: ${JSON.stringify(v)}`);
      assert.equal(jiraDecode(parsed.texts[1] ?? ''), v, `round-trips: ${JSON.stringify(v)}`);
    }
  });

  it('code units round-trip: every one near the refused ranges, and a stride through the rest', () => {
    const near = (c: number) => c < 0x300 || (c >= 0xd7f0 && c < 0xe010) || (c >= 0xfdc0 && c < 0xfe00) || c >= 0xfff0;
    for (let c = 0; c < 0x10000; c++) {
      if (!near(c) && c % 61 !== 0) continue;
      const v = `a${String.fromCharCode(c)}b`;
      const parsed = parsedOperand(`project = "OPS" AND summary ~ ${quote(v)}`);
      assert.equal(parsed.errors, 0, `U+${c.toString(16)}`);
      assert.equal(jiraDecode(parsed.texts[1] ?? ''), v, `U+${c.toString(16)}`);
    }
  });
});
