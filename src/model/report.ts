// The JSON report of docs/cli.md (schemaVersion 1), plus additive fields.
import type { Site, Skip } from './site.js';
import type { Verification } from './verification.js';

export type Mode = 'dry-run' | 'write' | 'interactive' | 'check';

export interface TokenRecommendation {
  kind: 'service-key' | 'project-app' | 'oauth';
  reason: string;
  /** For a project app: the app-hsmeta.json body. */
  appHsmeta?: unknown;
}

export interface FileChange {
  file: string;
  siteIds: string[];
  /** Unified diff of the planned change (key literals NOT masked: callers mask for display). */
  diff: string;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'migrate-hapikey'; version: string };
  root: string;
  mode: Mode;
  summary: {
    filesScanned: number;
    filesSkipped: number;
    sites: number;
    byStatus: { auto: number; manual: number; 'developer-key': number; ignored: number };
    applied: number;
    /** Requests of auto/manual sites whose endpoint (so whose scopes) is unknown: `path` null. */
    unresolvedRequests: number;
  };
  scopes: { required: string[]; uncertain: string[] };
  sites: Site[];
  skipped: Skip[];
  // additions
  token?: TokenRecommendation;
  changes?: FileChange[];
  /** Environment variables / config slots that must now hold a token instead of a key. */
  tokenSources?: string[];
  /** `--verify-token`: the token's scopes against the required ones. */
  verification?: Verification;
  /** Temporary files of an interrupted --write that this run removed (relative paths); absent when none. */
  removedTempFiles?: string[];
}
