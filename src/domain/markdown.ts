/**
 * Text from people (and from Jira) placed into Markdown must stay text: `<script>`, `[x](javascript:...)`,
 * a forged "## Action Items" heading or table row must render inert. CommonMark lets any ASCII punctuation be
 * escaped with a backslash; `<`, `>` and `&` become entities so no HTML survives.
 */
const PUNCTUATION = /[\\`*_{}[\]()#+!|~]/g;
/** A line starting like a list item, setext underline or ordered item. */
const LINE_START = /^(\s*)([-=]|\d+(?=[.)]))/;

/** Control characters other than line breaks and tabs: invisible, and some renderers choke on them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** One line of inline text: line breaks would start new blocks (headings, rows), so they become spaces. */
export function mdInline(text: string): string {
  return mdBlock(text.replace(/\r\n?|\n|\u2028|\u2029/g, ' '));
}

/** A paragraph of text: its lines are kept, each escaped so none can start a heading, list, quote or table. */
export function mdBlock(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(PUNCTUATION, (c) => `\\${c}`)
    .split(/\r\n?|\n/)
    .map((line) =>
      line.replace(LINE_START, (_m, space: string, mark: string) =>
        /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
      ),
    )
    .join('\n');
}
