// The read probes for a set of required scopes: one read-only GET per scope that a GET can show (pure).
import { isWriteOnlyScope, readProbePaths, refusalProbePaths } from '../scopes/index.js';

export interface PlannedProbe {
  scope: string;
  /** Path and query to GET (never a write call). */
  path: string;
  /** Other scopes the call accepts (a refusal-only probe); empty when it needs exactly `scope`. */
  alsoAccepts: string[];
}

export interface ProbePlan {
  probes: PlannedProbe[];
  /** Scopes no read-only call can show, with why. */
  unprobeable: Array<{ scope: string; why: 'write-scope' | 'no-single-scope-read' }>;
}

/**
 * One probe per required read scope: a placeholder-free GET that needs it alone, else one that accepts it or a few
 * other scopes (only its refusal counts). `?limit=1` keeps the answer small.
 */
export function planProbes(required: readonly string[]): ProbePlan {
  const plan: ProbePlan = { probes: [], unprobeable: [] };
  for (const scope of [...new Set(required)].sort()) {
    if (isWriteOnlyScope(scope)) {
      plan.unprobeable.push({ scope, why: 'write-scope' });
      continue;
    }
    const [path] = readProbePaths(scope);
    const [refusal] = path ? [] : refusalProbePaths(scope);
    if (path) plan.probes.push({ scope, path: `${path}?limit=1`, alsoAccepts: [] });
    else if (refusal) plan.probes.push({ scope, path: `${refusal.path}?limit=1`, alsoAccepts: refusal.others });
    else plan.unprobeable.push({ scope, why: 'no-single-scope-read' });
  }
  return plan;
}
