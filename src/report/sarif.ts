// report.sarif: SARIF 2.1.0 for code scanning.
// - One result per `auto`, `manual` or `developer-key` site still in the code. Ignored sites are omitted
//   (they are not findings), and so are sites this run already rewrote (`applied`: no longer in the code).
// - Rule per pattern + status (`hapikey/query-string/auto`); level error (manual), warning (auto), note (developer-key).
// - `partialFingerprints["hapikeySite/v1"]` is the site id, stable across runs for the same code.
// - `fixes` for auto sites from the plan's edits; offsets are UTF-16 code units of the decoded text without
//   BOM (`columnKind: utf16CodeUnits`). Fix text is the new code, which never contains the old key.
// - Skipped files become tool execution notifications.
// - Messages go through maskAll and the sites' known secrets: no raw key appears.
// - GitHub code scanning's upload rules: URIs relative to `%SRCROOT%`, which is the repository's top when the
//   caller says so (`uriRoot`: GitHub reads a relative URI from the top of the repository, so a scanned subfolder's
//   files carry its path); at most 25,000 results (the most severe kept, the rest counted in a notification) and
//   1,000 related locations per result; rule help in Markdown; few tags.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactChange, Fix, Location, Log, Notification, Result } from 'sarif';
import type { FilePlan, SiteEdits } from '../model/edit.js';
import type { Report } from '../model/report.js';
import type { RequestInfo, Site, Skip } from '../model/site.js';
import { masker, type Masker } from './mask.js';
import { LEVEL, makeRule, ruleId, type SarifStatus } from './sarif-rules.js';
import { compareText, describeRequest, sortSites } from './select.js';
import { NO_CALLS_REASON, scopeGaps, unresolvedHint, unresolvedReason } from './unresolved.js';

const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'hapikeySite/v1';
/** GitHub code scanning's hard limits per run and per result. */
export const SARIF_LIMITS = { results: 25_000, locationsPerResult: 1_000 } as const;

export interface SarifOptions {
  /** Folder the URIs are relative to (`%SRCROOT%`): a folder holding the report's root, e.g. its git work tree's top. Default: the root. */
  uriRoot?: string;
}

/** `under`: the root's path inside `%SRCROOT%`, with a final slash ('' when they are the same folder). */
type Uris = { under: string };

/** A root-relative path as a URI reference under %SRCROOT%: each segment percent-encoded. */
function relUri(u: Uris, file: string): string {
  return (u.under + file).split('/').map(encodeURIComponent).join('/');
}

function location(u: Uris, file: string, line: number, column?: number): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: relUri(u, file), uriBaseId: SRCROOT },
      region: column === undefined ? { startLine: line } : { startLine: line, startColumn: column },
    },
  };
}

function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function requestText(r: RequestInfo): string {
  const reason = unresolvedReason(r);
  const what = reason === null ? describeRequest(r) ?? `${r.client} call` : `${describeRequest(r) ?? `${r.client} call`} (endpoint unknown: ${reason})`;
  const scopes = r.scopes.length > 0 ? `needs ${r.scopes.join(', ')}` : 'scopes unknown';
  const maybe = r.scopesUncertain?.length ? `; maybe ${r.scopesUncertain.join(', ')}` : '';
  return `${what}: ${scopes}${maybe}`;
}

function resultText(site: Site, mask: Masker): string {
  const scopes = [...new Set(site.requests.flatMap((r) => r.scopes))].sort(compareText);
  const parts = [mask(site.message)];
  if (site.status !== 'developer-key' && scopes.length > 0) parts.push(`Token scopes: ${scopes.join(', ')}.`);
  if (site.secret) parts.push(`Hard-coded key ${site.secret.masked}: rotate this key.`);
  if (site.flags?.includes('browser-code')) parts.push('Runs in the browser: move the call to a server.');
  return parts.join(' ');
}

const groupIndex = new WeakMap<readonly FilePlan[], Map<string, SiteEdits[]>>();

/** The edit groups of each site across the plans, indexed once per plan list. */
function groupsOf(siteId: string, plans: readonly FilePlan[]): SiteEdits[] {
  let index = groupIndex.get(plans);
  if (!index) {
    index = new Map();
    for (const plan of plans) for (const g of plan.edits) (index.get(g.siteId) ?? index.set(g.siteId, []).get(g.siteId)!).push(g);
    groupIndex.set(plans, index);
  }
  return index.get(siteId) ?? [];
}

function fixFor(u: Uris, site: Site, plans: readonly FilePlan[]): Fix[] | undefined {
  if (site.status !== 'auto') return undefined;
  const byFile = new Map<string, ArtifactChange>();
  {
    for (const group of groupsOf(site.id, plans)) {
      if (group.edits.length === 0) continue;
      const change = byFile.get(group.file) ?? { artifactLocation: { uri: relUri(u, group.file), uriBaseId: SRCROOT }, replacements: [] };
      for (const e of [...group.edits].sort((a, b) => a.start - b.start)) {
        change.replacements.push({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } });
      }
      byFile.set(group.file, change);
    }
  }
  if (byFile.size === 0) return undefined;
  const artifactChanges = [...byFile.entries()].sort(([a], [b]) => compareText(a, b)).map(([, c]) => c);
  return [{ description: { text: 'Send the token in an Authorization: Bearer header instead of the API key.' }, artifactChanges }];
}

function notification(u: Uris, skip: Skip, mask: Masker): Notification {
  const serious = ['parse-error', 'unreadable', 'write-failed', 'changed-since-read', 'read-only', 'symlink-loop'].includes(skip.reason);
  return {
    descriptor: { id: `skipped/${skip.reason}` },
    level: serious ? 'warning' : 'note',
    message: { text: `Skipped ${skip.file} (${skip.reason}): ${mask(skip.message)}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: relUri(u, skip.file), uriBaseId: SRCROOT } } }],
  };
}

/** A note per call (or key use) whose scopes are unknown: the token's scope list may be incomplete. */
function unresolvedNotifications(u0: Uris, report: Report): Notification[] {
  const gaps = scopeGaps(report.sites);
  const out: Notification[] = gaps.calls.map((u) => ({
    descriptor: { id: `unresolved/${u.reason}` },
    level: 'note',
    message: { text: `Scopes unknown for ${describeRequest(u.request) ?? `this ${u.request.client} call`} (${u.reason}): ${unresolvedHint(u.reason)}; the token may need more scopes than listed.` },
    locations: [location(u0, u.request.file, u.request.line)],
  }));
  for (const s of gaps.sitesWithoutCalls) {
    out.push({
      descriptor: { id: `unresolved/${NO_CALLS_REASON}` },
      level: 'note',
      message: { text: `Scopes unknown for this key use (${NO_CALLS_REASON}): ${unresolvedHint(NO_CALLS_REASON)}.` },
      locations: [location(u0, s.file, s.line, s.column)],
    });
  }
  return out;
}

/** The URI base: `uriRoot` when it holds the root, else the root itself. */
function uriBase(root: string, uriRoot: string | undefined): { base: string; u: Uris } {
  if (uriRoot !== undefined) {
    const rel = path.relative(uriRoot, root);
    if (rel === '') return { base: uriRoot, u: { under: '' } };
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return { base: uriRoot, u: { under: `${rel.split(path.sep).join('/')}/` } };
  }
  return { base: root, u: { under: '' } };
}

const SEVERITY: Record<SarifStatus, number> = { manual: 0, auto: 1, 'developer-key': 2 };

/** At most `limit` sites, the most severe first chosen; the order stays by file and line. */
function withinLimit(sites: Site[], limit: number): Site[] {
  if (sites.length <= limit) return sites;
  const keep = new Set([...sites].sort((a, b) => SEVERITY[a.status as SarifStatus] - SEVERITY[b.status as SarifStatus]).slice(0, limit));
  return sites.filter((s) => keep.has(s));
}

export function toSarif(report: Report, plans: FilePlan[], opts: SarifOptions = {}): Log {
  const mask = masker(report.sites);
  const { base, u } = uriBase(report.root, opts.uriRoot);
  const findings = sortSites(report.sites).filter((s) => s.status !== 'ignored' && !s.applied);
  const sites = withinLimit(findings, SARIF_LIMITS.results);
  const ids = [...new Set(sites.map((s) => ruleId(s.pattern, s.status as SarifStatus)))].sort(compareText);
  const rules = ids.map((id) => {
    const [, pattern, status] = id.split('/') as [string, Site['pattern'], SarifStatus];
    return makeRule(pattern, status);
  });
  const results: Result[] = sites.map((site) => {
    const status = site.status as SarifStatus;
    const id = ruleId(site.pattern, status);
    const result: Result = {
      ruleId: id,
      ruleIndex: ids.indexOf(id),
      level: LEVEL[status],
      message: { text: resultText(site, mask) },
      locations: [location(u, site.file, site.line, site.column)],
      partialFingerprints: { [FINGERPRINT_KEY]: site.id },
    };
    if (site.requests.length > 0) {
      result.relatedLocations = site.requests.slice(0, SARIF_LIMITS.locationsPerResult).map((r, i) => ({ id: i + 1, ...location(u, r.file, r.line), message: { text: requestText(r) } }));
    }
    const fixes = fixFor(u, site, plans);
    if (fixes) result.fixes = fixes;
    result.properties = {
      status: site.status,
      reason: site.reason,
      category: site.category,
      scopes: [...new Set(site.requests.flatMap((r) => r.scopes))].sort(compareText),
      ...(site.flags?.length ? { flags: site.flags } : {}),
    };
    return result;
  });
  const skipped = [...report.skipped].sort((a, b) => compareText(a.file, b.file));
  const notifications = [...skipped.map((s) => notification(u, s, mask)), ...unresolvedNotifications(u, report)];
  if (sites.length < findings.length) {
    const left = findings.length - sites.length;
    notifications.push({
      descriptor: { id: 'results/limit' },
      level: 'warning',
      message: { text: `${left} less severe results were left out: code scanning accepts at most ${SARIF_LIMITS.results} results per run. report.json lists every site.` },
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules } },
      originalUriBaseIds: { [SRCROOT]: { uri: rootUri(base) } },
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

/** Pretty-printed (2 spaces) with a final newline. */
export function renderSarif(report: Report, plans: FilePlan[], opts: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, plans, opts), null, 2)}\n`;
}
