// Picks the least-privileged alternative from an OR-list of AND-lists of scopes, deterministically.
// Ranking (first difference wins), following hubspot-2026.md §5 ("recommend the most specific
// non-legacy one") and the issue:
//   1. fewest sensitive / hidden-data scopes (`…sensitive…`, `…ui_hidden…`)
//   2. fewest scopes HubSpot flags as possibly internal (not offered to apps)
//   3. fewest coarse legacy scopes (`content`, `files`, `hubdb`, `e-commerce`, `automation`, `contacts`,
//      `…read_write` — any name without a dot, or a `read_write` one)
//   4. fewest write scopes (prefer read over write)
//   5. fewest scopes
//   6. catalog order (HubSpot lists the recommended one first, hubspot-2026.md §3.2)
import { isInternalScope, type Alternatives } from './catalog.js';

function isSensitive(scope: string): boolean {
  return /sensitive|ui_hidden/.test(scope);
}

function isCoarse(scope: string): boolean {
  return !scope.includes('.') || scope.endsWith('.read_write');
}

function isWrite(scope: string): boolean {
  return /(^|[.-])(write|delete|publish)(\.v2)?$/.test(scope) || scope.endsWith('read_write');
}

function rank(alt: string[]): number[] {
  const count = (f: (s: string) => boolean) => alt.filter(f).length;
  return [count(isSensitive), count(isInternalScope), count(isCoarse), count(isWrite), alt.length];
}

/** The best alternative (sorted copy), or null when there is none. */
export function chooseAlternative(alternatives: Alternatives | undefined): string[] | null {
  if (!alternatives || alternatives.length === 0) return null;
  let best = alternatives[0];
  let bestRank = rank(best);
  for (const alt of alternatives.slice(1)) {
    const r = rank(alt);
    const i = r.findIndex((v, k) => v !== bestRank[k]);
    if (i >= 0 && r[i] < bestRank[i]) {
      best = alt;
      bestRank = r;
    }
  }
  return [...best].sort();
}

/** Best single scope among any-of candidates (kept in their order of preference). */
export function chooseScope(candidates: string[]): string | null {
  const best = chooseAlternative(candidates.map((c) => [c]));
  return best ? best[0] : null;
}
