/**
 * A JQL string operand as Jira reads it. Atlassian's parser keeps the written text (`text`) and a `value` that
 * drops backslashes but does not decode them (`"a\u0062c"` gives `au0062c`), while Jira decodes the escapes
 * \" \' \\ \n \r \t \uXXXX and "\ " (the parser already refuses any other escape). So the emulator decodes the text
 * itself: a value the app quotes with `\uXXXX` must match what it stands for, as on Jira.
 */
export function decodeJqlLiteral(text: string): string {
  const quoted = text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.at(-1) === text[0];
  const body = quoted ? text.slice(1, -1) : text;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    if (e === 'n') out += '\n';
    else if (e === 'r') out += '\r';
    else if (e === 't') out += '\t';
    else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += e;
  }
  return out;
}
