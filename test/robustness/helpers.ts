// Robustness helpers: temp trees, run() options, a seeded PRNG, key-shaped literals.
// Every fixture is generated at test time in a temp folder (nothing large is committed).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunOptions, RunResult } from '../../src/run/run.js';

export const REPO = path.resolve(__dirname, '../..');

const made: string[] = [];

/** A fresh temp folder (real path). */
export function tmpDir(prefix = 'mhk-robust-'): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(d);
  return d;
}

export function cleanup(): void {
  for (const d of made.splice(0)) {
    try {
      execFileSync('chmod', ['-R', 'u+rwX', d], { stdio: 'ignore' });
    } catch { /* best effort */ }
    fs.rmSync(d, { recursive: true, force: true });
  }
}

export { writeTree } from '../discover/tree.js';

export function options(root: string, extra: Partial<RunOptions> = {}): RunOptions {
  return {
    root, mode: 'dry-run', include: [], exclude: [], gitignore: false, outDir: path.join(root, 'hapikey-migration'),
    tokenEnv: 'HUBSPOT_ACCESS_TOKEN', allowDirty: true, rewriteBrowser: false, ...extra,
  };
}

export const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** sha256 of every file under `dir` (relative paths); links recorded by target, never followed. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.name === '.git') continue;
      const abs = path.join(d, e.name);
      if (e.isSymbolicLink()) out[r] = 'link:' + fs.readlinkSync(abs);
      else if (e.isDirectory()) walk(abs, r);
      else if (e.isFile()) out[r] = sha(fs.readFileSync(abs));
      else out[r] = 'special';
    }
  };
  walk(dir, '');
  return out;
}

/** Temporary files the writer may leave next to a source. */
export const tempFiles = (dir: string): string[] => Object.keys(hashTree(dir)).filter((f) => /\.migrate-hapikey-.*\.tmp$/.test(f));

/** The site(s) and skip entries of one file, for readable assertions. */
export function siteSummary(r: RunResult, file: string): string[] {
  return r.report.sites.filter((s) => s.file === file).map((s) => `${s.line} ${s.status}${s.reason ? ' ' + s.reason : ''}`);
}
export function skipOf(r: RunResult, file: string): string | undefined {
  return r.report.skipped.find((s) => s.file === file)?.reason;
}

// ---------------------------------------------------------------------------------------------------------------
// code snippets (our own invented legacy code)

export const KEY_DECL = 'const KEY = process.env.HUBSPOT_API_KEY;\n';

/** One rewritable key use (a template URL given to fetch). */
export function fetchSite(i: number | string = 0, key = '${KEY}'): string {
  return `export const contacts${i} = () => fetch(\`https://api.hubapi.com/crm/v3/objects/contacts/${i}?hapikey=${key}&limit=10\`);\n`;
}

/** What fetchSite becomes. */
export function fetchSiteRewritten(i: number | string = 0): string {
  return `export const contacts${i} = () => fetch(\`https://api.hubapi.com/crm/v3/objects/contacts/${i}?limit=10\`, { headers: { Authorization: \`Bearer \${KEY}\` } });\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// seeded randomness

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random lower-case UUID (the shape of a legacy HubSpot API key). */
export function fakeKey(rand: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

export const UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

// ---------------------------------------------------------------------------------------------------------------
// running as another user (root reads everything)

export const asRoot = process.getuid?.() === 0;
export const hasSetpriv = asRoot && spawnSync('setpriv', ['--version']).status === 0;
