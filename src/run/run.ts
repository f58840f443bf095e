// run(options) → result: the whole pipeline, printing nothing (the CLI prints).
// discover → read + prefilter → scan → scopes → plan → (choose) → apply → report data.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FilePlan, TextEdit } from '../model/edit.js';
import type { FileText, ListedFile } from '../model/file.js';
import { UsageError, DirtyTreeError, EXIT } from '../model/errors.js';
import type { Mode, Report } from '../model/report.js';
import type { Site, Skip } from '../model/site.js';
import type { NameCheck, SiteLink } from '../scan/context.js';
import { linkHost, attachLinkedRequests, importedModules } from './link-host.js';
import { settleLinked } from './settle-linked.js';
import { listFiles } from '../discover/list.js';
import { quickTest, readCandidate } from './read-candidate.js';
import { libraryVersions, memberRequires, readPackageJson, repoKind } from './repo-facts.js';
import { unionScopes, recommendToken, scopesFor } from '../scopes/index.js';
import { mentionsAny, renameEdits, renameInText, type Rename } from '../plan/rename-env.js';
import { applyPlans } from '../apply/apply.js';
import { dirtyFiles } from '../apply/dirty.js';
import { removeStaleTemps } from '../apply/stale-temps.js';
import { committedBuildSites } from './build-output.js';
import { messageFor } from '../scan/messages.js';
import { VERSION } from './version.js';
import { countUnresolved, fillUnresolved, toFileChanges } from '../report/index.js';
import type { VerifyOptions } from '../verify/index.js';

/** The report files a run writes into --out: never scanned, even when --out is the root. */
const REPORT_FILES = new Set(['report.md', 'changes.patch', 'report.json', 'report.sarif', '.migrate-hapikey.json']);

/** A JS/TS file can hold a site only if it names a key: `hapikey`, `apiKey`/`API_KEY`, `HUBSPOT_KEY`… */
const KEY_WORD = /hapi_?key|api_?key|hubspot_?key/i;

/** Plan-group id of a file's --rename-env edits. */
const RENAME = 'rename-env:';

export interface RunOptions {
  root: string;
  mode: Mode;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  outDir: string;
  tokenEnv: string;
  allowDirty: boolean;
  rewriteBrowser: boolean;
  /** `--rename-env OLD=NEW` pairs. */
  renameEnv?: Rename[];
  /** Interactive mode: given the planned changes, the site ids a person accepted. */
  choose?: (plans: FilePlan[], sites: Site[]) => Promise<Set<string>>;
  /** Checked between file writes (SIGINT). */
  interrupted?: () => boolean;
  onProgress?: (done: number, total: number) => void;
  /** `--verify-token`: the token (from the environment) and where HubSpot is; checked against the required scopes. */
  verify?: VerifyOptions;
}

export interface RunResult {
  report: Report;
  /** Planned changes (only the applied ones after --write/--interactive). */
  plans: FilePlan[];
  exitCode: number;
}

export async function run(opts: RunOptions): Promise<RunResult> {
  const rootArg = path.resolve(opts.root);
  let st;
  try {
    st = await fs.stat(rootArg);
  } catch {
    throw new UsageError(`path does not exist: ${opts.root}`);
  }
  // a single file: scan that file, relative to its folder
  const root = st.isDirectory() ? rootArg : path.dirname(rootArg);
  const only = st.isDirectory() ? null : path.basename(rootArg);
  const renames = opts.renameEnv ?? [];
  const listed = await listFiles(root, {
    gitignore: opts.gitignore,
    include: only ? [only] : opts.include,
    exclude: opts.exclude,
  });
  const outDir = path.resolve(opts.outDir);
  const ownReport = (f: ListedFile): boolean => path.dirname(f.abs) === outDir && REPORT_FILES.has(path.basename(f.abs));
  const files = (only ? listed.files.filter((f) => f.path === only) : listed.files).filter((f) => !ownReport(f));
  const skipped: Skip[] = [...listed.skipped];

  // read + prefilter
  const reads = new Map<string, FileText>();
  const candidates: ListedFile[] = [];
  let done = 0;
  const passed: ListedFile[] = [];
  for (const f of files) {
    const q = quickTest(f, renames);
    if (++done % 2000 === 0) opts.onProgress?.(done, files.length);
    if ('skip' in q) skipped.push(q.skip);
    else if (q.pass) passed.push(f);
  }
  // temporary files a killed --write left beside a source that may hold a key
  const removedTemps = await removeStaleTemps(root, passed.map((f) => path.dirname(f.abs)));
  await pool(passed, 8, async (f) => {
    const r = await readCandidate(f);
    if ('skip' in r) { if (r.skip) skipped.push(r.skip); return; }
    reads.set(f.path, r.text);
    candidates.push(f);
  });
  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // repository facts
  const pkg = await readPackageJson(root);
  const kind = repoKind(pkg);
  const texts = new Map<string, string>();
  for (const [p, t] of reads) texts.set(p, t.text);
  // scan (the parser is loaded only when some file may hold a key)
  const sites: Site[] = [];
  // only code that names a key is parsed; a file that merely mentions HubSpot served the repository facts above
  const parses = (f: ListedFile): boolean => f.treatment !== 'text' && (KEY_WORD.test(reads.get(f.path)!.text) || mentionsAny(reads.get(f.path)!.text, renames));
  const scanning = candidates.some(parses) ? await import('./scan-file.js') : null;
  const scanFile = scanning?.scanFile;
  const { scanText } = candidates.length ? await import('../scan/text/index.js') : { scanText: null };
  // what the scan may read of other modules (constants, request helpers) and the link stage follows into
  // files outside the candidate set that candidates import (fetch wrappers rarely mention HubSpot): read once, for
  // the scan's wrapper resolver and for the link stage
  const imported = scanning ? importedModules(files, texts) : new Map<string, string>();
  const host = scanning ? await linkHost(root, files, reads, imported) : null;
  const repo = {
    ...kind,
    ...memberRequires(texts.entries()),
    libraryVersions: libraryVersions(pkg),
    wrapperOf: scanning ? scanning.makeWrapperResolver(root, new Map([...texts, ...imported])) : undefined,
    serverModules: scanning ? scanning.lazyServerModules(files, texts) : undefined,
    ...(scanning && host ? scanning.moduleFacts(host) : {}),
  };
  const edits = new Map<string, TextEdit[]>();
  const parseErrors = new Map<string, number>();
  const links: SiteLink[] = [];
  const pending = new Map<string, TextEdit[]>();
  const keyNameModules: string[] = [];
  const nameChecks: NameCheck[] = [];
  const scanOne = (f: ListedFile): void => {
    const t = reads.get(f.path)!;
    let res;
    try {
      res = scanFile!(f, t, repo, { tokenEnv: opts.tokenEnv, rewriteBrowser: opts.rewriteBrowser });
    } catch (e) {
      // one file the parser cannot handle (say, nesting deeper than the stack) never stops the run: a text search
      // still reports its key uses, as manual
      skipped.push({ file: f.path, reason: 'parse-error', message: `The parser could not process this file (${(e as Error).message.split('\n')[0]}); its key uses are reported from a text search.` });
      sites.push(...scanText!(f, t.text).filter((s) => s.status === 'manual').map((s) => ({ ...s, reason: 'parse-error' })));
      return;
    }
    sites.push(...res.sites);
    if (res.links) links.push(...res.links);
    if (res.parseErrors !== undefined) parseErrors.set(f.path, res.parseErrors);
    for (const [id, e] of res.edits) edits.set(id, e);
    if (res.pending) for (const [id, e] of res.pending) pending.set(id, e);
    if (res.skip) skipped.push(res.skip);
    if (res.exportsKeyName) keyNameModules.push(f.path);
    if (res.nameChecks) nameChecks.push(...res.nameChecks);
  };
  for (const f of candidates) {
    if (f.treatment === 'text') { sites.push(...scanText!(f, reads.get(f.path)!.text)); continue; }
    if (parses(f)) scanOne(f);
  }
  // a module exporting the parameter name (`keyParam: 'hapikey'`): its importers may send the key without naming it
  if (keyNameModules.length && scanning && host) {
    const scanned = new Set(candidates.filter(parses).map((f) => f.path));
    const byListed = new Map(files.map((f) => [f.path, f]));
    for (const p of scanning.importersOf(keyNameModules, host)) {
      const f = byListed.get(p);
      if (!f || f.treatment !== 'code' || scanned.has(p)) continue;
      if (!reads.has(p)) {
        const r = await readCandidate(f);
        if ('skip' in r) { if (r.skip) skipped.push(r.skip); continue; }
        reads.set(p, r.text);
        candidates.push(f);
      }
      scanned.add(p);
      scanOne(f);
    }
  }
  sites.push(...await committedBuildSites(listed.committedBuildOutput));
  sites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)); // stable: each file's order is kept

  // link: clients that leave their file are followed to the calls other files make through them
  // options a function returns, renamed only when no other file mentions that function
  if (nameChecks.length && scanning && host) settleLinked(sites, pending, scanning.unmentioned(nameChecks, host), edits);
  const formatChecks = sites.filter((s) => s.category === 'P31_KEY_FORMAT_CHECK');
  if ((links.length || formatChecks.length) && scanning && host) {
    if (links.length) {
      const linked = scanning.link(links, host, repo);
      attachLinkedRequests(sites, linked.requests);
      settleLinked(sites, pending, linked.settled, edits);
    }
    // a UUID check named like an API key is a HubSpot key's only where HubSpot is in view (the file or its imports)
    if (formatChecks.length) {
      const inView = scanning.hubspotInView([...new Set(formatChecks.map((s) => s.file))], host);
      const gone = new Set(formatChecks.filter((s) => !inView.has(s.file)));
      if (gone.size) sites.splice(0, sites.length, ...sites.filter((s) => !gone.has(s)));
    }
  }

  // plan
  let plans: FilePlan[] = [];
  const byId = new Map(sites.map((s) => [s.id, s]));
  const byFile = new Map<string, Site[]>();
  for (const s of sites) if (s.status === 'auto') (byFile.get(s.file) ?? byFile.set(s.file, []).get(s.file)!).push(s);
  if (renames.length) {
    for (const [id, e] of edits) edits.set(id, e.map((x) => ({ ...x, text: renameInText(x.text, renames) })));
    for (const s of sites) if (s.token) s.token.expression = renameInText(s.token.expression, renames);
    for (const f of candidates) {
      const t = reads.get(f.path)!.text;
      if (!mentionsAny(t, renames)) continue;
      const taken = (byFile.get(f.path) ?? []).flatMap((s) => edits.get(s.id) ?? []);
      const re = renameEdits(t, renames, taken);
      if (!re.length) continue;
      edits.set(RENAME + f.path, re);
      if (!byFile.has(f.path)) byFile.set(f.path, []);
    }
  }
  const { planFile } = byFile.size ? await import('../plan/plan-file.js') : { planFile: null };
  const byPath = new Map(candidates.map((c) => [c.path, c]));
  for (const [file, fileSites] of byFile) {
    const f = byPath.get(file)!;
    if (f.link) {
      // links are never written through: the site is the target's to migrate
      for (const s of fileSites) { s.status = 'manual'; s.reason = 'symbolic-link'; s.message = messageFor(s); }
      continue;
    }
    if ((reads.get(file) as FileText & { lossy?: boolean }).lossy) {
      // not valid UTF-8: a rewrite would lose bytes, and its patch would not apply
      for (const s of fileSites) { s.status = 'manual'; s.reason = 'invalid-utf8'; s.message = messageFor(s); }
      skipped.push({ file, reason: 'unreadable', message: 'Not valid UTF-8: its key uses are reported, not rewritten.' });
      continue;
    }
    const groups = fileSites.map((s) => ({ siteId: s.id, edits: edits.get(s.id) ?? [] }));
    if (edits.has(RENAME + file)) groups.push({ siteId: RENAME + file, edits: edits.get(RENAME + file)! });
    const outcome = planFile!({ file, language: f.language, text: reads.get(file)!, sites: groups, parseErrors: parseErrors.get(file) });
    for (const d of outcome.demoted) {
      if (d.siteId.startsWith(RENAME)) { skipped.push({ file, reason: 'write-failed', message: `--rename-env could not be applied here (${d.reason}).` }); continue; }
      const s = byId.get(d.siteId)!;
      s.status = 'manual';
      s.reason = d.reason;
      s.message = messageFor(s);
    }
    if (outcome.plan) {
      if (reads.get(file)!.encoding === 'utf16le') outcome.plan.encoding = 'utf16le';
      plans.push(outcome.plan);
    }
  }

  // choose and apply
  let applied = 0;
  if (opts.mode === 'write' || opts.mode === 'interactive') {
    if (opts.mode === 'interactive' && opts.choose) {
      const accepted = await opts.choose(plans, sites);
      plans = await replan(plans, candidates, reads, edits, accepted);
    }
    const touched = plans.map((p) => p.file);
    if (!opts.allowDirty) {
      const dirty = await dirtyFiles(root, touched);
      if (dirty.length) throw new DirtyTreeError(dirty);
    }
    const result = await applyPlans(root, plans, reads, { interrupted: opts.interrupted });
    skipped.push(...result.failed);
    const written = new Set(result.written);
    plans = plans.filter((p) => written.has(p.file));
    for (const p of plans) for (const id of p.siteIds) { const s = byId.get(id); if (s) { s.applied = true; applied++; } }
  }

  const report = buildReport(root, opts.mode, files.length, skipped, sites, applied);
  report.changes = toFileChanges(plans);
  if (removedTemps.length) report.removedTempFiles = removedTemps;
  const problems = skipped.some((s) => ['parse-error', 'unreadable', 'write-failed', 'changed-since-read', 'read-only'].includes(s.reason));
  let exitCode: number = problems ? EXIT.partial : EXIT.ok;
  if (opts.mode === 'check') exitCode = report.summary.byStatus.auto + report.summary.byStatus.manual > 0 ? EXIT.findings : exitCode;
  if (opts.verify) exitCode = await verifyStage(report, opts.verify, opts.mode, exitCode);
  return { report, plans, exitCode };
}

/**
 * --verify-token: adds `verification` to the report. With --check a missing scope fails the check (1); a check that
 * could not be completed (network, timeout, 401, not HubSpot's JSON) makes an otherwise clean run exit 3.
 */
async function verifyStage(report: Report, verify: VerifyOptions, mode: Mode, exitCode: number): Promise<number> {
  const { verifyToken } = await import('../verify/index.js');
  report.verification = await verifyToken({ ...verify, required: report.scopes.required, uncertain: report.scopes.uncertain, sites: report.sites });
  if (mode === 'check' && report.verification.missing.length > 0) return EXIT.findings;
  if (report.verification.error !== null && exitCode === EXIT.ok) return EXIT.partial;
  return exitCode;
}

async function replan(plans: FilePlan[], candidates: ListedFile[], reads: Map<string, FileText>, edits: Map<string, TextEdit[]>, accepted: Set<string>): Promise<FilePlan[]> {
  const { planFile } = await import('../plan/plan-file.js');
  const out: FilePlan[] = [];
  for (const p of plans) {
    const keep = p.siteIds.filter((id) => accepted.has(id) || id.startsWith(RENAME));
    if (!keep.length) continue;
    if (keep.length === p.siteIds.length) { out.push(p); continue; }
    const f = candidates.find((c) => c.path === p.file)!;
    const o = planFile({ file: p.file, language: f.language, text: reads.get(p.file)!, sites: keep.map((id) => ({ siteId: id, edits: edits.get(id) ?? [] })) });
    if (o.plan) out.push(o.plan);
  }
  return out;
}

function buildReport(root: string, mode: Mode, scanned: number, skipped: Skip[], sites: Site[], applied: number): Report {
  const byStatus = { auto: 0, manual: 0, 'developer-key': 0, ignored: 0 };
  for (const s of sites) byStatus[s.status]++;
  fillUnresolved(sites);
  const live = sites.filter((s) => s.status === 'auto' || s.status === 'manual');
  const scopes = unionScopes(live.flatMap((s) => s.requests.map((r) => ({ ...scopesFor(r.method, r.path), scopes: r.scopes, uncertain: r.scopesUncertain ?? [] }))));
  const developerKeySites = byStatus['developer-key'];
  const token = recommendToken({ requiredScopes: scopes.required, developerKeySites, usesWebhooksOrAppFeatures: developerKeySites > 0, multiAccount: false });
  const tokenSources = [...new Set(sites.filter((s) => s.status === 'auto' && s.token).map((s) => s.token!.source ?? s.token!.expression))].sort();
  return {
    schemaVersion: 1,
    tool: { name: 'migrate-hapikey', version: VERSION },
    root,
    mode,
    summary: { filesScanned: scanned, filesSkipped: skipped.length, sites: sites.length, byStatus, applied, unresolvedRequests: countUnresolved(sites) },
    scopes,
    sites,
    skipped,
    token,
    tokenSources,
  };
}

async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (i < items.length) {
      const item = items[i++];
      await fn(item);
    }
  });
  await Promise.all(workers);
}
