// Where a user puts the token: the report's token sources, as the variables or config slots a person sets.
import type { Report } from '../model/report.js';
import { isAccountSite, sortSites } from './select.js';

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')`, `$X` / `${X}` (shell, YAML). */
const ENV_READ = /\bprocess\.env\.([A-Za-z_$][\w$]*)|\bprocess\.env\[\s*['"`]([^'"`]+)['"`]\s*\]|\bimport\.meta\.env\.([A-Za-z_$][\w$]*)|\bDeno\.env\.get\(\s*['"`]([^'"`]+)['"`]\s*\)|^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/g;
/** A fallback that only keeps the type: `?? ''`, `|| ""`, `|| undefined`. */
const FALLBACK = /\s*(\?\?|\|\|)\s*(''|""|``|null|undefined)\s*$/;
/** A path a person can fill: `config.hubspot.token`, `$.config.origin.apiKey`, `settings['key']`. */
const SLOT = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\s*['"][^'"]+['"]\s*\])*$/;

/**
 * The variables or config slots a user sets for one token expression: environment variable names when the
 * expression reads the environment (`process.env.HUBSPOT_API_KEY ?? ''` → `HUBSPOT_API_KEY`), both slots of a
 * `cond ? a : b`, the slot itself without a type-only fallback; anything else as written.
 */
export function settableNames(expression: string): string[] {
  const env = [...expression.matchAll(ENV_READ)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]);
  if (env.length) return [...new Set(env)];
  const e = expression.trim().replace(FALLBACK, '').trim();
  if (SLOT.test(e)) return [e];
  const cond = /^[^?]+\?\s*([^:?]+?)\s*:\s*([^:?]+?)$/.exec(e);
  if (cond && SLOT.test(cond[1]) && SLOT.test(cond[2])) return [...new Set([cond[1], cond[2]])];
  return [expression];
}

/** What the user must set, in report order: env variable names and config slots, each once. */
export function tokenSourcesOf(report: Report): string[] {
  const expressions = report.tokenSources ?? [...new Set(sortSites(report.sites).filter((s) => isAccountSite(s) && s.token).map((s) => s.token!.expression))];
  return [...new Set(expressions.flatMap(settableNames))];
}
