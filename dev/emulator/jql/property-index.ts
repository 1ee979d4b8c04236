import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export type IndexedType = 'number' | 'string' | 'text' | 'user' | 'date';
export interface IndexedValue {
  propertyKey: string;
  path: string;
  type: IndexedType;
  alias?: string;
}

const ManifestSchema = z
  .object({
    modules: z
      .object({
        'jira:entityProperty': z
          .array(
            z.object({
              propertyKey: z.string(),
              entityType: z.string().optional(),
              values: z.array(
                z.object({
                  path: z.string(),
                  type: z.enum(['number', 'string', 'text', 'user', 'date']),
                  searchAlias: z.string().optional(),
                }),
              ),
            }),
          )
          .optional(),
      })
      .passthrough(),
  })
  .passthrough();

/**
 * The issue property paths Jira indexes for this app, read from manifest.yml as Jira would at install.
 * Only these are searchable; JQL on any other path is refused.
 */
export class PropertyIndex {
  private readonly byPath = new Map<string, IndexedValue>();
  private readonly byAlias = new Map<string, IndexedValue>();

  constructor(values: IndexedValue[]) {
    for (const v of values) {
      this.byPath.set(`${v.propertyKey}.${v.path}`, v);
      if (v.alias) this.byAlias.set(v.alias.toLowerCase(), v);
    }
  }

  static fromManifest(file = path.join(__dirname, '..', '..', '..', 'manifest.yml')): PropertyIndex {
    const manifest = ManifestSchema.parse(parse(fs.readFileSync(file, 'utf8')));
    const values: IndexedValue[] = [];
    for (const m of manifest.modules['jira:entityProperty'] ?? []) {
      if (m.entityType && m.entityType !== 'issue') continue;
      for (const v of m.values)
        values.push({ propertyKey: m.propertyKey, path: v.path, type: v.type, alias: v.searchAlias });
    }
    return new PropertyIndex(values);
  }

  lookup(propertyKey: string, dottedPath: string): IndexedValue | undefined {
    return this.byPath.get(`${propertyKey}.${dottedPath.replace(/^\./, '')}`);
  }

  alias(name: string): IndexedValue | undefined {
    return this.byAlias.get(name.toLowerCase());
  }
}
