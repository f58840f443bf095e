// Shape of the hand-written (method, path) → scopes expectations.
import type { HttpMethod } from '../../../src/model/site.js';
import type { ScopeMatch } from '../../../src/scopes/index.js';

export interface ScopeCase {
  method: HttpMethod | null;
  path: string | null;
  objectType?: string;
  /** Exactly these required scopes (order-insensitive). */
  scopes?: string[];
  /** The required scopes are exactly one of these sets (HubSpot lists them as equivalent). */
  oneOf?: string[][];
  /** Required scopes must include `must` and stay within `within` (e.g. associations: both sides acceptable). */
  within?: { must: string[]; within: string[] };
  uncertain?: string[];
  uncertainIncludes?: string[];
  developerKey?: boolean;
  matched?: ScopeMatch['matched'];
  /** Private-app tokens cannot make the call. */
  unsupported?: boolean;
}

export interface CaseGroup {
  name: string;
  /** Where the expectations come from. */
  source: string;
  cases: ScopeCase[];
}
