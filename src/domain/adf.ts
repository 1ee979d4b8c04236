/** Minimal Atlassian Document Format builders: what the app writes into descriptions and comments. */
export type AdfNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

export const doc = (...content: AdfNode[]): AdfDoc => ({ type: 'doc', version: 1, content });
export const text = (t: string, marks?: AdfNode['marks']): AdfNode =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };
export const strong = (t: string): AdfNode => text(t, [{ type: 'strong' }]);
export const link = (t: string, href: string): AdfNode => text(t, [{ type: 'link', attrs: { href } }]);
export const paragraph = (...content: AdfNode[]): AdfNode => ({
  type: 'paragraph',
  content: content.filter((c) => c.text !== ''),
});
export const heading = (level: number, t: string): AdfNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(t)],
});
export const bulletList = (items: AdfNode[][]): AdfNode => ({
  type: 'bulletList',
  content: items.map((c) => ({ type: 'listItem', content: [paragraph(...c)] })),
});
export const orderedList = (items: AdfNode[][]): AdfNode => ({
  type: 'orderedList',
  content: items.map((c) => ({ type: 'listItem', content: [paragraph(...c)] })),
});
/** An inline link to a Jira issue that Jira renders as a smart link. */
export const issueCard = (url: string): AdfNode => ({ type: 'inlineCard', attrs: { url } });

export function table(head: string[], rows: string[][]): AdfNode {
  const cell = (type: 'tableHeader' | 'tableCell', t: string): AdfNode => ({
    type,
    content: [paragraph(text(t || ' '))],
  });
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: head.map((h) => cell('tableHeader', h)) },
      ...rows.map((r) => ({ type: 'tableRow', content: r.map((c) => cell('tableCell', c)) })),
    ],
  };
}
