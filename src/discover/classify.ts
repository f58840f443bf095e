// Which files are candidates, and how the scan treats them.
import type { ListedFile } from '../model/file.js';
import type { Language } from '../model/site.js';

export interface Classification {
  language: Language;
  treatment: ListedFile['treatment'];
}

const BY_EXT: ReadonlyMap<string, Classification> = new Map([
  ...(['.js', '.mjs', '.cjs'] as const).map((e) => [e, { language: 'js', treatment: 'code' }] as const),
  ['.jsx', { language: 'jsx', treatment: 'code' }],
  ...(['.ts', '.mts', '.cts'] as const).map((e) => [e, { language: 'ts', treatment: 'code' }] as const),
  ['.tsx', { language: 'tsx', treatment: 'code' }],
  ['.vue', { language: 'vue', treatment: 'component' }],
  ['.svelte', { language: 'svelte', treatment: 'component' }],
  ['.py', { language: 'python', treatment: 'text' }],
  ['.php', { language: 'php', treatment: 'text' }],
  ['.rb', { language: 'ruby', treatment: 'text' }],
  ['.go', { language: 'go', treatment: 'text' }],
  ['.java', { language: 'java', treatment: 'text' }],
  ['.cs', { language: 'csharp', treatment: 'text' }],
  ...(['.sh', '.bash', '.zsh'] as const).map((e) => [e, { language: 'shell', treatment: 'text' }] as const),
  ['.json', { language: 'json', treatment: 'text' }],
  ...(['.yml', '.yaml'] as const).map((e) => [e, { language: 'yaml', treatment: 'text' }] as const),
  // netlify.toml `[build.environment]`, wrangler.toml `[vars]`, fly.toml `[env]`: NAME = "value" lines
  ['.toml', { language: 'toml', treatment: 'text' }],
] as Array<readonly [string, Classification]>);

const ENV: Classification = { language: 'env', treatment: 'text' };

/** Lock files: never candidates, and not reported as skipped either. */
export const LOCK_FILES: ReadonlySet<string> = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml']);

/**
 * Classify a file by its name (relative path or base name). Returns null for files that are not candidates at all
 * (documentation, images, lock files, …): those are not listed and not reported as skipped. Called once per file
 * of the tree, so it avoids lower-casing whole names.
 */
export function classify(path: string): Readonly<Classification> | null {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot > slash + 1) {
    const hit = BY_EXT.get(path.slice(dot).toLowerCase());
    if (hit) {
      if (hit.language === 'json' || hit.language === 'yaml') {
        const base = path.slice(slash + 1).toLowerCase();
        if (LOCK_FILES.has(base)) return null;
      }
      return hit; // shared and read-only
    }
  }
  // `.env`, `.env.local`, `.env.template`, `.env.example`, `prod.env`, `.sample.env`, `env.example`, `env.sample`
  const base = path.slice(slash + 1).toLowerCase();
  if (base.startsWith('.env') || base.endsWith('.env') || base.startsWith('env.')) return ENV;
  return null;
}

/** `*.min.js` / `*.bundle.js` (and the .mjs/.cjs forms): skipped by name as minified. */
export function isMinifiedName(path: string): boolean {
  return /\.(?:min|bundle)\.[cm]?js$/i.test(path);
}
