// Run scan + plan on one file without touching the file system: fast, for the fuzz test's thousands of mutants.
// Fixtures and the oracle go through run() itself instead (run-files.ts), so what they check is what the CLI does.
import type { FileText, ListedFile } from '../../src/model/file.js';
import type { Language, Site } from '../../src/model/site.js';
import { scanCode } from '../../src/scan/code.js';
import type { RepoFacts } from '../../src/scan/context.js';
import { planFile } from '../../src/plan/plan-file.js';

export function languageOf(name: string): Language {
  if (/\.tsx$/.test(name)) return 'tsx';
  if (/\.(ts|mts|cts)$/.test(name)) return 'ts';
  if (/\.jsx$/.test(name)) return 'jsx';
  return 'js';
}

export function fileText(raw: string): FileText {
  const bom = raw.charCodeAt(0) === 0xfeff;
  const text = bom ? raw.slice(1) : raw;
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return { text, bom, eol: crlf > lf ? '\r\n' : '\n', encoding: 'utf8', mtimeMs: 0, size: raw.length };
}

export interface Rewritten {
  sites: Site[];
  /** The whole new file text (BOM restored), or null when nothing is planned. */
  output: string | null;
}

export function rewrite(name: string, raw: string, repo: Partial<RepoFacts> = {}, options: { tokenEnv?: string; rewriteBrowser?: boolean } = {}): Rewritten {
  const t = fileText(raw);
  const file: ListedFile = { path: name, abs: '/fixture/' + name, language: languageOf(name), treatment: 'code', size: raw.length };
  const facts: RepoFacts = { libraryPackage: null, browserApp: false, libraryAliases: new Map(), ...repo };
  const res = scanCode({ file, text: t.text, eol: t.eol, repo: facts, options: { tokenEnv: options.tokenEnv ?? 'HUBSPOT_ACCESS_TOKEN', rewriteBrowser: !!options.rewriteBrowser } });
  const auto = res.sites.filter((s) => s.status === 'auto');
  const outcome = planFile({ file: name, language: file.language, text: t, sites: auto.map((s) => ({ siteId: s.id, edits: res.edits.get(s.id) ?? [] })) });
  for (const d of outcome.demoted) {
    const s = res.sites.find((x) => x.id === d.siteId)!;
    s.status = 'manual';
    s.reason = d.reason;
  }
  return { sites: res.sites, output: outcome.plan ? (t.bom ? '\ufeff' : '') + outcome.plan.after : null };
}

/** The part of a site a fixture's expectations pin down. */
export function summarise(s: Site): Record<string, unknown> {
  return {
    line: s.line,
    category: s.category,
    pattern: s.pattern,
    status: s.status,
    reason: s.reason,
    requests: s.requests.map((r) => `${r.client} ${r.method ?? '?'} ${r.path ?? '?'}${r.call ? ` (${r.call})` : ''} [${r.scopes.join(' ')}]`),
    ...(s.token ? { token: s.token.expression } : {}),
    ...(s.flags ? { flags: s.flags } : {}),
  };
}
