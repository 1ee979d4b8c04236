import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { z } from 'zod';

const AXE = fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const Violations = z.array(
  z.object({
    id: z.string(),
    impact: z.string().nullable().optional(),
    help: z.string(),
    nodes: z.array(z.object({ target: z.array(z.unknown()), html: z.string().optional() })),
  }),
);
export type AxeViolation = z.infer<typeof Violations>[number];

/**
 * axe-core run inside the app's frame. The source goes in through evaluate (CDP Runtime.evaluate), which a strict
 * Content-Security-Policy does not block, unlike an injected <script>.
 */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(AXE);
  const raw: unknown = await frame.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown }> } };
    return (await w.axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return Violations.parse(raw).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const CONTROL_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'combobox',
  'checkbox',
  'radio',
  'menuitem',
  'tab',
  'switch',
  'spinbutton',
  'searchbox',
  'slider',
  'Date',
  'DateTime',
  'InputTime',
]);
/** Native date and time inputs: the field is named by its label; its parts (Day, Month, picker) are the browser's. */
const NATIVE_COMPOSITE = new Set(['Date', 'DateTime', 'InputTime']);

/** Interactive controls of the frame as the browser's accessibility tree names them (role and name). */
export async function namedControls(page: Page, frame: Frame): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const id = findFrameId(frameTree, frame.url());
    if (!id) throw new Error(`frame ${frame.url()} not in the frame tree`);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree', { frameId: id });
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const insideNative = (n: (typeof nodes)[number]): boolean => {
      for (let p = n.parentId ? byId.get(n.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined)
        if (NATIVE_COMPOSITE.has(String(p.role?.value ?? ''))) return true;
      return false;
    };
    return nodes
      .filter((n) => !n.ignored && CONTROL_ROLES.has(String(n.role?.value ?? '')) && !insideNative(n))
      .map((n) => ({ role: String(n.role?.value), name: String(n.name?.value ?? '') }));
  } finally {
    await cdp.detach();
  }
}

interface FrameTreeNode {
  frame: { id: string; url: string };
  childFrames?: FrameTreeNode[];
}
function findFrameId(node: FrameTreeNode, url: string): string | null {
  if (node.frame.url === url) return node.frame.id;
  for (const c of node.childFrames ?? []) {
    const id = findFrameId(c, url);
    if (id) return id;
  }
  return null;
}

/** Names used by more than one control (an empty name counts as a duplicate of nothing: reported apart). */
export function duplicateNames(controls: { role: string; name: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const c of controls) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  return [...counts.entries()].filter(([, n]) => n > 1).map(([name, n]) => `"${name}" x${n}`);
}

/**
 * No serious or critical axe finding, every control named, and no two controls with the same accessible name (as
 * the browser's accessibility tree gives them).
 */
export async function assertAccessible(page: Page, frame: Frame, where: string): Promise<void> {
  const violations = await axeViolations(frame);
  assert.deepEqual(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${JSON.stringify(v.nodes[0]?.target)})`),
    [],
    where,
  );
  const controls = await namedControls(page, frame);
  assert.ok(controls.length > 3, `${where}: the accessibility tree lists the controls`);
  assert.deepEqual(duplicateNames(controls), [], where);
  assert.deepEqual(
    controls.filter((c) => !c.name.trim()).map((c) => c.role),
    [],
    `${where}: every control has a name`,
  );
}
