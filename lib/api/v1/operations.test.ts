import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';
import { operations } from './operations';

const root = path.resolve(__dirname, '../../../app/api/v1');
const routeFile = (p: string) => path.join(root, p.replace(/\{([^}]+)\}/g, '[$1]'), 'route.ts');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === 'route.ts' ? [full] : [];
  });
}

describe('API v1 operations', () => {
  it('have unique ids and one per method and path', () => {
    expect(new Set(operations.map((o) => o.id)).size).toBe(operations.length);
    expect(new Set(operations.map((o) => `${o.method} ${o.path}`)).size).toBe(operations.length);
  });

  it('are each served by the route file of their path, with their method', () => {
    for (const o of operations) {
      const file = routeFile(o.path);
      expect(existsSync(file), `${o.method} ${o.path} has no ${file}`).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`export const ${o.method} = apiHandler('${o.id}');`);
    }
  });

  it('leave no route under /api/v1 outside the document', () => {
    const served = new Set(operations.map((o) => routeFile(o.path)));
    const extra = routeFiles(root).filter((f) => !served.has(f) && !f.endsWith(path.join('openapi.json', 'route.ts')));
    expect(extra).toEqual([]);
  });

  it('document every operation, each change with Idempotency-Key or as a DELETE', () => {
    const doc = openApiDocument('http://localhost') as { paths: Record<string, Record<string, { operationId: string; parameters?: Array<{ name: string }> }>> };
    for (const o of operations) {
      const d = doc.paths[o.path]?.[o.method.toLowerCase()];
      expect(d?.operationId).toBe(o.id);
      if (o.write && o.method === 'POST') expect(d?.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    }
  });
});
