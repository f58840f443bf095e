// Which files are candidates, and how the scan treats them.
import type { ListedFile } from '../model/file.js';
import type { Language } from '../model/site.js';

export interface Classification {
  language: Language;
  treatment: ListedFile['treatment'];
}

const CODE: Record<string, Language> = {
  '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx',
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx',
};

const COMPONENT: Record<string, Language> = { '.vue': 'vue', '.svelte': 'svelte' };

const TEXT: Record<string, Language> = {
  '.py': 'python', '.php': 'php', '.rb': 'ruby', '.go': 'go', '.java': 'java', '.cs': 'csharp',
  '.sh': 'shell', '.bash': 'shell', '.zsh': 'shell',
  '.json': 'json', '.yml': 'yaml', '.yaml': 'yaml',
};

/** Lock files: never candidates, and not reported as skipped either. */
export const LOCK_FILES: ReadonlySet<string> = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml']);

function extOf(base: string): string {
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/**
 * Classify a file by its name (relative path or base name). Returns null for files that are not candidates at all
 * (documentation, images, lock files, …): those are not listed and not reported as skipped.
 */
export function classify(path: string): Classification | null {
  const slash = path.lastIndexOf('/');
  const base = (slash >= 0 ? path.slice(slash + 1) : path).toLowerCase();
  if (LOCK_FILES.has(base)) return null;
  const ext = extOf(base);
  const code = CODE[ext];
  if (code) return { language: code, treatment: 'code' };
  const comp = COMPONENT[ext];
  if (comp) return { language: comp, treatment: 'component' };
  const text = TEXT[ext];
  if (text) return { language: text, treatment: 'text' };
  // `.env`, `.env.local`, `.env.template`, `.env.example`, `prod.env`, `.sample.env`
  if (base.startsWith('.env') || base.endsWith('.env')) return { language: 'env', treatment: 'text' };
  return null;
}

/** `*.min.js` / `*.bundle.js` (and the .mjs/.cjs forms): skipped by name as minified. */
export function isMinifiedName(path: string): boolean {
  return /\.(?:min|bundle)\.[cm]?js$/i.test(path);
}
