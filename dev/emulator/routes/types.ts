import type { Knobs } from '../faults';
import type { Caller } from '../permissions';
import type { PropertyIndex } from '../jql/property-index';
import type { Renderer } from '../render';
import type { JiraStore } from '../state/store';

export interface RouteRequest {
  store: JiraStore;
  caller: Caller;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  render: Renderer;
  index: PropertyIndex;
  now: number;
  base: string;
  knobs: Knobs;
}
export interface RouteReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export type Handler = (req: RouteRequest) => RouteReply;
/** Keyed by "METHOD <spec path template>": a handler can only exist for an operation the spec defines. */
export type RouteTable = Record<string, Handler>;

export const ok = (body: unknown, status = 200): RouteReply => ({ status, body });
export const noContent = (): RouteReply => ({ status: 204 });

/** Narrow an already spec-validated body to a plain object for field access. */
export function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
