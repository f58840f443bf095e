// The CLI and JSON contract ships inside the project (issue 11, item 2): the README links docs/cli.md and sends
// users nowhere outside the repository; docs/cli.md names every flag the CLI takes and every field the JSON
// report can hold, and every reason code a site can carry.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeReport } from '../report/fixture.js';
import { toJsonReport } from '../../src/report/json.js';

const ROOT = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const doc = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');

describe('docs/cli.md, linked from the README', () => {
  it('the README links the contract and mentions nothing outside the repository', () => {
    expect(readme).toContain('](docs/cli.md)');
    expect(readme).not.toMatch(/\.\.\/shared|shared\/spec/);
    expect(doc).not.toMatch(/\.\.\/shared|shared\/spec/);
  });

  it('every flag of the CLI is documented', () => {
    const main = readFileSync(path.join(ROOT, 'src/cli/main.ts'), 'utf8');
    const flags = [...main.matchAll(/(?:\.option|new Option)\('(?:-\w, )?(--[a-z-]+)/g)].map((m) => m[1]);
    expect(flags.length).toBeGreaterThan(15);
    for (const f of flags) expect(doc, f).toContain('`' + f);
  });

  it('every key the JSON report writes is documented', () => {
    const json = toJsonReport(makeReport({ removedTempFiles: ['src/.a.js.migrate-hapikey-0a1b2c3d.tmp'] })) as Record<string, unknown>;
    const keys = new Set<string>();
    const visit = (v: unknown, parentKey = ''): void => {
      if (Array.isArray(v)) { for (const x of v) visit(x, parentKey); return; }
      if (v === null || typeof v !== 'object') return;
      // the app-hsmeta.json body is HubSpot's format, not ours
      if (parentKey === 'appHsmeta') return;
      for (const [k, x] of Object.entries(v)) { keys.add(k); visit(x, k); }
    };
    visit(json);
    expect(keys.size).toBeGreaterThan(30);
    for (const k of keys) if (!/^(auto|manual|developer-key|ignored)$/.test(k)) expect(doc, k).toMatch(new RegExp(`"${k}"|\\b${k}\\b`));
  });

  it('every reason code a site can carry is documented', () => {
    const src = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? src(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(path.join(dir, e.name), 'utf8')] : []);
    const text = src(path.join(ROOT, 'src/scan')).join('\n') + readFileSync(path.join(ROOT, 'src/run/build-output.ts'), 'utf8');
    const messages = readFileSync(path.join(ROOT, 'src/scan/messages.ts'), 'utf8');
    const reasons = new Set([
      ...[...text.matchAll(/\breason(?:: | = |\s*\?\?=?\s*)'([a-z0-9-]+)'/g)].map((m) => m[1]),
      ...[...messages.matchAll(/^\s*'([a-z0-9-]+)': '/gm)].map((m) => m[1]),
    ]);
    expect(reasons.size).toBeGreaterThan(40);
    for (const r of reasons) expect(doc, r).toContain('`' + r + '`');
  });
});
