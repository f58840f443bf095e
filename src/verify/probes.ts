// The read probes for a set of required scopes: one read-only GET per scope that a GET can show (pure).
import { isWriteOnlyScope, readProbePaths } from '../scopes/index.js';

export interface PlannedProbe {
  scope: string;
  /** Path and query to GET (never a write call). */
  path: string;
}

export interface ProbePlan {
  probes: PlannedProbe[];
  /** Scopes no read-only call can show, with why. */
  unprobeable: Array<{ scope: string; why: 'write-scope' | 'no-single-scope-read' }>;
}

/** One probe per required scope that some placeholder-free GET needs alone; `?limit=1` keeps the answer small. */
export function planProbes(required: readonly string[]): ProbePlan {
  const plan: ProbePlan = { probes: [], unprobeable: [] };
  for (const scope of [...new Set(required)].sort()) {
    if (isWriteOnlyScope(scope)) {
      plan.unprobeable.push({ scope, why: 'write-scope' });
      continue;
    }
    const [path] = readProbePaths(scope);
    if (path) plan.probes.push({ scope, path: `${path}?limit=1` });
    else plan.unprobeable.push({ scope, why: 'no-single-scope-read' });
  }
  return plan;
}
