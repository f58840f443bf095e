// Scopes of a whole run: what every call needs, and what some might.
import type { ScopeMatch } from './types.js';

export function unionScopes(matches: ScopeMatch[]): { required: string[]; uncertain: string[] } {
  const required = new Set<string>();
  const uncertain = new Set<string>();
  for (const m of matches) {
    if (m.developerKey) continue;
    for (const s of m.scopes) required.add(s);
    for (const s of m.uncertain) uncertain.add(s);
  }
  return {
    required: [...required].sort(),
    uncertain: [...uncertain].filter((s) => !required.has(s)).sort(),
  };
}
