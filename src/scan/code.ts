// Scan one JS/TS file: find key sites, follow each to the calls it feeds, classify it, and propose its edits.
import { createHash } from 'node:crypto';
import type { TextEdit } from '../model/edit.js';
import type { Category, HttpMethod, Pattern, RequestInfo, Site, Status } from '../model/site.js';
import { isDeveloperKeyEndpoint } from '../scopes/index.js';
import { secretOf } from './text/secret.js';
import { ts, chainOf, constInitializer, constValue, declarationOf, declarationOfName, isValueReference, enclosingScope, getProp, propValue, lineCol, outerParent, parse, parseDiagnostics, propName, referencesOf, statementOf, unwrap, walk } from './ast.js';
import { exportNamesOf } from './exports.js';
import { wrapperHeaderProblem } from './wrapper-callers.js';
import { isSuperagentRoot, methodFrom, optionsObject, type RequestCall } from './clients.js';
import type { FileFindings, ScanInput } from './context.js';
import { usesOf, type FlowContext, type Use } from './flow.js';
import { findHits, type Hit } from './hits.js';
import { collectBindings, type Bindings } from './imports.js';
import type { Lib } from './libraries.js';
import { requestOf, requestsOfCall, type ClientKind } from './client-calls.js';
import { usesOfValue, type Escape, type ReceiverUses } from './receivers.js';
import { addAuthorizationHeader, indentationAt, isHeaderFreeObject, removeProperty } from './object-edits.js';
import { analyseQueryKey, piecesOf, urlExpressionOf } from './query-string.js';
import { bearerValue, lazyStyle, quoted, type Style } from './style.js';
import { evalString, hostAndPath, isOtherHost, isUnauthenticatedEndpoint } from './url.js';
import { messageFor } from './messages.js';
import { browserAt as browserAtOf } from './runtime.js';
import { untouchedByRewrite } from './options-uses.js';
import { keyConstantEdits } from './key-constants.js';
import { interceptorOf, returningFunction } from './interceptors.js';
import { sharedInstanceKind } from './instances.js';
import { followParams } from './params-flow.js';
import { requestWrapperOf } from './wrapper-methods.js';
import { returnedBesideToken, type OptionsUse } from './returned-options.js';
import { findUpdatePlaces } from './update-places.js';
import { keyNameOf, exportsKeyName } from './key-names.js';
import { analyseNameQuery } from './key-name-query.js';
import { defaultHeadersText } from './helper-requests.js';
import { importedString, registerModuleFunctions, registerModuleValues } from './module-values.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A key's shape anywhere in a string (a key pasted with something around it is still the key). */
const UUID_INSIDE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A string value that holds a key: a legacy key's shape anywhere in it, or a private-app token. */
function keyShaped(s: string): boolean {
  return UUID_INSIDE.test(s) || /^\s*pat-/.test(s);
}
const PLACEHOLDER = /^(demo|test|x+|your[_-]?api[_-]?key|api[ _-]?key[ _-]?here|<.*>|\{.*\}|\s*)$/i;

interface Draft {
  pos: number;
  pattern: Pattern;
  category: Category;
  status?: Status;
  reason?: string;
  /** The expression that held the key (its text becomes the token's source), or null for a literal. */
  keyExpr: ts.Expression | null;
  literal: string | null;
  requests: RequestInfo[];
  /** Calls that must receive the Authorization header. */
  headerCalls: RequestCall[];
  unknown: Use[];
  edits: TextEdit[];
  editError?: string;
  flags: string[];
  /** Set when the Authorization header is added by the site's own edits (shared config, interceptor, library). */
  selfContained?: boolean;
  /** The client the key configures, and where it leaves the file (the link stage follows it there). */
  client?: ClientKind;
  escapes: Escape[];
  /** URLs or options holding the key that leave the file (the link stage lists the requests they reach). */
  valueEscapes: Array<{ as: 'url' | 'options' | 'params'; escape: Escape }>;
  /** The path of the URL that holds the key, when it can be evaluated (a developer-key endpoint is known by it). */
  urlPath?: string | null;
  /** The URL the key's request goes to, evaluated where the key is (`{}` for what is not known). */
  siteUrl?: string;
  /** The `method` of the options object that holds the key. */
  siteMethod?: HttpMethod | null;
  /** The rewrite of an options object that leaves the file: applied if the link stage sees every use (FileFindings.pending). */
  pendingEdits?: TextEdit[];
  /** The name no other file may mention before the pending edits apply (see pendOptionsUse). */
  nameCheck?: string;
}

export function scanCode(input: ScanInput): FileFindings {
  const { file } = input;
  const ranges = input.ranges ?? [{ start: 0, end: input.text.length, lang: file.language as 'ts' }];
  const out: FileFindings = { sites: [], edits: new Map() };
  for (const r of ranges) {
    // Component script blocks are parsed on a text where everything outside the block is blanked, so offsets map 1:1.
    const text = ranges.length === 1 && r.start === 0 && r.end === input.text.length
      ? input.text
      : input.text.slice(0, r.end).replace(/[^\r\n]/g, ' ').slice(0, r.start) + input.text.slice(r.start, r.end);
    const lang = r.lang === 'ts' || r.lang === 'tsx' || r.lang === 'jsx' ? r.lang : 'js';
    const sf = parse(file.path, text, input.ranges ? lang : file.language);
    scanSource(sf, input, out);
  }
  return out;
}

function scanSource(sf: ts.SourceFile, input: ScanInput, out: FileFindings): void {
  const { file, repo, options } = input;
  const bindings = collectBindings(sf);
  // members bound to a client module in other files (`$.fetch` where `$` is a class that set `this.fetch = require('node-fetch')`)
  for (const [name, m] of input.repo.memberModules ?? []) if (!bindings.has('.' + name)) bindings.set('.' + name, { module: m.module, imported: m.stems.join('|') });
  // constants other modules export (a config module's base URL or parameter name) count where this file reads them
  if (repo.moduleValue) registerModuleValues(sf, (spec, p) => repo.moduleValue!(file.path, spec, p));
  if (repo.moduleFunction) registerModuleFunctions(sf, (spec, p) => repo.moduleFunction!(file.path, spec, p));
  const hubspotFile = /hubspot|hubapi|hapikey/i.test(sf.text);
  const hits = findHits(sf, bindings, repo.libraryAliases, hubspotFile);
  const style = lazyStyle(sf, input.eol);
  const flow: FlowContext = {
    bindings,
    wrapperOf: repo.wrapperOf ? (module, name) => repo.wrapperOf!(file.path, module, name) : undefined,
    configWrapperOf: repo.configWrapperOf ? (module, p) => repo.configWrapperOf!(file.path, module, p) : undefined,
    libraryVersions: repo.libraryVersions,
  };
  const diags = parseDiagnostics(sf);
  out.parseErrors = (out.parseErrors ?? 0) + diags.length;
  const browserAt = browserAtOf(sf, { path: file.path, text: sf.text, language: file.language, browserApp: repo.browserApp, serverModules: repo.serverModules });
  const drafts: Draft[] = [];
  const siteLines = new Set<number>();
  for (const hit of hits) {
    const d = analyse(hit, sf, bindings, flow, style, options.tokenEnv);
    if (!d) continue;
    if (diags.length && d.status === undefined && diags.some((x) => Math.abs(x.start - d.pos) < 2000)) {
      d.status = 'manual';
      d.reason = 'parse-error';
    }
    drafts.push(d);
  }
  // places to update with the code (env reads, option schemas, auth fields, tests), in line order after the hits
  // of their line, so that a line the scan already reports keeps its site (and its id)
  for (const p of findUpdatePlaces(sf, hubspotFile, file.path)) {
    const line = lineCol(sf, p.pos).line;
    // a manual place (an auth field asking for the key) replaces the informational hit of its line
    const at = drafts.findIndex((d) => p.status === 'manual' ? lineCol(sf, d.pos).line >= line : lineCol(sf, d.pos).line > line);
    drafts.splice(at < 0 ? drafts.length : at, 0, {
      pos: p.pos, pattern: 'other', category: p.category, status: p.status, reason: p.reason,
      keyExpr: null, literal: null, requests: [], headerCalls: [], unknown: [], edits: [], flags: ['update-with-code'], escapes: [], valueEscapes: [],
    });
  }
  // decide statuses
  for (const d of drafts) classify(d, { repo: input.repo, browser: browserAt(d.pos), rewriteBrowser: options.rewriteBrowser, path: file.path });
  if (diags.length) addParseErrorFallback(sf, drafts);
  // config/format hits on a line that already has a key site add nothing
  for (const d of drafts) if (d.category !== 'P30_CONFIG_DECL' && d.category !== 'P31_KEY_FORMAT_CHECK') siteLines.add(lineCol(sf, d.pos).line);
  const occurrences = new Map<string, number>();
  const first = out.sites.length;
  for (const d of drafts) {
    const { line, column } = lineCol(sf, d.pos);
    if ((d.category === 'P30_CONFIG_DECL' || d.category === 'P31_KEY_FORMAT_CHECK') && siteLines.has(line)) continue;
    if (d.category === 'P30_CONFIG_DECL' || d.category === 'P31_KEY_FORMAT_CHECK') siteLines.add(line);
    const idBase = `${file.path}\0${d.category}\0${sf.text.slice(d.pos, d.pos + 40)}`;
    const n = occurrences.get(idBase) ?? 0;
    occurrences.set(idBase, n + 1);
    const id = createHash('sha1').update(idBase + '\0' + n).digest('hex').slice(0, 12);
    const tokenExpr = d.keyExpr ? d.keyExpr.getText(sf) : `process.env.${options.tokenEnv}`;
    const site: Site = {
      id,
      file: file.path,
      line,
      column,
      language: file.language,
      pattern: d.pattern,
      status: d.status!,
      reason: d.reason ?? '',
      message: '',
      applied: false,
      requests: d.requests.map((r) => {
        const { host: _host, ...rest } = r as RequestInfo & { host?: string | null };
        return { ...rest, file: file.path };
      }),
      secret: literalSecret(d.literal),
      category: d.category,
    };
    if (d.status === 'auto' || (d.status === 'manual' && d.keyExpr)) {
      site.token = { expression: tokenExpr, origin: d.keyExpr ? 'key-expression' : 'env-default' };
      const source = d.keyExpr ? ultimateSource(d.keyExpr) : undefined;
      // a source that quotes a key-shaped literal is not named (it would carry the legacy key into the report)
      if (source && source !== tokenExpr && !UUID_INSIDE.test(source) && !/['"`]pat-/.test(source)) site.token.source = source;
    }
    if (d.flags.length) site.flags = [...new Set(d.flags)];
    site.message = messageFor(site, d.editError);
    out.sites.push(site);
    if (d.status === 'auto') out.edits.set(id, d.edits);
    // a rewrite kept aside for the link stage: options that leave the file, options a named function returns
    const pends = d.reason === 'key-escapes' || (d.reason === 'client-options-shared' && d.nameCheck);
    if (d.pendingEdits && pends && d.status === 'manual' && !browserAt(d.pos)) {
      (out.pending ??= new Map()).set(id, d.pendingEdits);
      if (d.nameCheck) (out.nameChecks ??= []).push({ siteId: id, file: file.path, name: d.nameCheck });
    }
    if (d.status === 'auto' || d.status === 'manual') {
      if (d.client) for (const escape of d.escapes) (out.links ??= []).push({ siteId: id, file: file.path, client: d.client, escape });
      for (const v of d.valueEscapes) (out.links ??= []).push({ siteId: id, file: file.path, value: v.as, escape: v.escape, ...(d.siteUrl !== undefined ? { url: d.siteUrl } : {}), ...(d.siteMethod ? { method: d.siteMethod } : {}) });
    }
  }
  settleKeyConstants(sf, out.sites.slice(first), out.edits);
  if (exportsKeyName(sf)) out.exportsKeyName = true;
}

/** A key constant the rewrite leaves unused is removed with it; one still in use keeps its sites manual. */
function settleKeyConstants(sf: ts.SourceFile, sites: Site[], edits: Map<string, TextEdit[]>): void {
  const { removals, demote } = keyConstantEdits(sf, sites, edits);
  for (const site of sites) {
    const reason = demote.get(site.id);
    if (reason) {
      site.status = 'manual';
      site.reason = reason;
      site.message = messageFor(site);
      edits.delete(site.id);
    } else if (removals.has(site.id)) {
      edits.set(site.id, [...edits.get(site.id)!, ...removals.get(site.id)!]);
    }
  }
}

/**
 * In a file that does not parse, what the parser lost must not be lost from the report: a `hapikey` in text the
 * parser took for a comment that never ends or for the other half of a merge conflict, or on a line where no site
 * was found (code swallowed by the error recovery, JSX text), becomes a manual `parse-error` site.
 */
function addParseErrorFallback(sf: ts.SourceFile, drafts: Draft[]): void {
  const text = sf.text;
  const conflict = /^(<{7}|={7}|>{7})( |$)/m.test(text);
  for (const d of drafts) {
    if (d.category !== 'P23_COMMENTED') continue;
    const open = text.lastIndexOf('/*', d.pos);
    const unterminated = open >= 0 && text.lastIndexOf('*/', d.pos) < open && text.indexOf('*/', d.pos) < 0;
    if (unterminated || conflict) { d.status = 'manual'; d.reason = 'parse-error'; }
  }
  const lines = new Set(drafts.map((d) => lineCol(sf, d.pos).line));
  for (const m of text.matchAll(/hapikey/gi)) {
    const line = lineCol(sf, m.index!).line;
    if (lines.has(line)) continue;
    lines.add(line);
    drafts.push({
      pos: m.index!, pattern: /hapikey=/i.test(text.slice(m.index!, m.index! + 8)) ? 'query-string' : 'other', category: 'P08_QS_OTHER_CLIENT',
      status: 'manual', reason: 'parse-error', keyExpr: null, literal: null, requests: [], headerCalls: [], unknown: [], edits: [], flags: [], escapes: [], valueEscapes: [],
    });
  }
  drafts.sort((a, b) => a.pos - b.pos);
}

/** Follow constants to where the key's value comes from: `KEY` → `process.env.HUBSPOT_API_KEY`. */
function ultimateSource(e: ts.Expression): string | undefined {
  const cur = constValue(e);
  return cur === unwrap(e) ? undefined : cur.getText();
}

function analyse(hit: Hit, sf: ts.SourceFile, bindings: Bindings, flow: FlowContext, style: Style, tokenEnv: string): Draft | null {
  const base = (pattern: Pattern, category: Category): Draft => ({
    pos: hit.pos, pattern, category, keyExpr: null, literal: null, requests: [], headerCalls: [], unknown: [], edits: [], flags: [], escapes: [], valueEscapes: [],
  });
  switch (hit.kind) {
    case 'comment': {
      const d = base('other', 'P23_COMMENTED');
      d.status = 'ignored';
      d.reason = 'commented-out';
      const lit = /hapikey=\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(hit.text);
      if (lit) { d.literal = lit[1]; d.flags.push('rotate-key'); }
      return d;
    }
    case 'config': {
      const d = base('other', 'P30_CONFIG_DECL');
      d.status = 'ignored';
      d.reason = 'config-declaration';
      return d;
    }
    case 'format-check': {
      const d = base('other', 'P31_KEY_FORMAT_CHECK');
      d.status = 'manual';
      d.reason = 'key-format-check';
      return d;
    }
    case 'query':
      return analyseQuery(hit.node, hit.pos, sf, flow, style, tokenEnv, base);
    case 'search-params':
      return analyseSearchParams(hit.node, sf, flow, style, tokenEnv, base);
    case 'property':
      return analyseProperty(hit.node, sf, bindings, flow, style, tokenEnv, base, hit.name);
    case 'query-name':
      return analyseQueryName(hit.node, hit.url, sf, flow, style, tokenEnv, base);
    case 'assignment':
      return analyseAssignment(hit.node, sf, flow, style, tokenEnv, base);
    case 'library-option':
    case 'library-assignment':
    case 'library-setter':
      return analyseLibrary(hit, sf, flow, tokenEnv, base);
  }
}

type Base = (pattern: Pattern, category: Category) => Draft;

// ---------------------------------------------------------------- query strings

function analyseQuery(node: ts.Node, pos: number, sf: ts.SourceFile, flow: FlowContext, style: Style, tokenEnv: string, base: Base): Draft {
  const urlExpr = urlExpressionOf(node);
  const pieces = piecesOf(urlExpr, sf);
  const at = pieces.findIndex((p) => p.kind === 'text' && p.node === node);
  const isTemplate = pieces.some((p) => p.kind === 'text' && p.quote === '`');
  const d = base('query-string', isTemplate ? 'P01_QS_TEMPLATE' : 'P02_QS_CONCAT');
  const q = at >= 0 ? analyseQueryKey(pieces, at) : null;
  if (!q) { d.status = 'manual'; d.reason = 'unrecognised-url'; return d; }
  d.pos = q.pos;
  d.keyExpr = q.valueExpr;
  d.literal = q.literal;
  if (d.keyExpr) {
    const lit = literalValue(d.keyExpr);
    const embedded = lit === null ? embeddedKeyLiteral(d.keyExpr) : null;
    if (lit !== null) { d.keyExpr = null; d.literal = lit; }
    else if (embedded) { d.keyExpr = embedded.rest; d.literal = embedded.literal; }
  }
  if (q.name !== 'hapikey') { d.status = 'manual'; d.reason = 'param-name-case'; }
  // `'?hapikey=' + { TOKEN }` sends "[object Object]": rewriting it would send `Bearer [object Object]`
  if (d.keyExpr && ts.isObjectLiteralExpression(unwrap(d.keyExpr))) { d.flags.push('key-is-object'); d.status = 'manual'; d.reason = 'key-is-object'; }
  d.siteUrl = evalString(urlExpr);
  d.urlPath = hostAndPath(d.siteUrl).path;
  if (q.error) { d.editError = q.error; }
  else d.edits.push(...q.edits!);
  noteLiteral(d);
  // the URL flows to requests
  followToRequests(d, urlExpr, 'url', flow);
  addHeaderEdits(d, style, tokenEnv);
  return d;
}

/** `${base}?${KEY_PARAM}=${key}`: the parameter name is a constant held elsewhere (key-name-query.ts). */
function analyseQueryName(nameExpr: ts.Expression, urlExpr: ts.Expression, sf: ts.SourceFile, flow: FlowContext, style: Style, tokenEnv: string, base: Base): Draft {
  const pieces = piecesOf(urlExpr, sf);
  const at = pieces.findIndex((p) => p.kind === 'expr' && p.node === nameExpr);
  const d = base('query-string', pieces.some((p) => p.kind === 'text' && p.quote === '`') ? 'P01_QS_TEMPLATE' : 'P02_QS_CONCAT');
  d.flags.push('key-name-constant');
  const q = analyseNameQuery(pieces, at);
  if (q.valueExpr) setKeyValue(d, unwrap(q.valueExpr));
  if (keyNameOf(nameExpr) !== 'hapikey') { d.status = 'manual'; d.reason = 'param-name-case'; }
  if (d.keyExpr && ts.isObjectLiteralExpression(unwrap(d.keyExpr))) { d.flags.push('key-is-object'); d.status = 'manual'; d.reason = 'key-is-object'; }
  d.siteUrl = evalString(urlExpr);
  d.urlPath = hostAndPath(d.siteUrl).path;
  if (q.error) d.editError = q.error;
  else d.edits.push(...q.edits!);
  followToRequests(d, urlExpr, 'url', flow);
  addHeaderEdits(d, style, tokenEnv);
  return d;
}

/** The masked record of a key literal (a UUID key or a pat- token); null for anything else. */
function literalSecret(literal: string | null): Site['secret'] {
  const v = literal?.trim();
  if (!v || !(UUID.test(v) || /^pat-/.test(v))) return null;
  return secretOf({ value: v, kind: /^pat-/.test(v) ? 'private-app-token' : 'legacy-api-key' });
}

function noteLiteral(d: Draft): void {
  if (d.literal === null) return;
  const v = d.literal.trim();
  if (keyShaped(v)) d.flags.push('hard-coded-key');
  else if (PLACEHOLDER.test(v)) d.flags.push('placeholder-key');
  if (d.literal !== v) d.flags.push('whitespace-in-key');
}

// ---------------------------------------------------------------- URL / URLSearchParams

function analyseSearchParams(call: ts.CallExpression, sf: ts.SourceFile, flow: FlowContext, style: Style, tokenEnv: string, base: Base): Draft {
  const d = base('url-search-params', 'P03_QS_URL_API');
  if (call.arguments[1]) setKeyValue(d, unwrap(call.arguments[1]));
  if (call.arguments[0] && !ts.isStringLiteral(unwrap(call.arguments[0]))) d.flags.push('key-name-constant');
  const stmt = statementOf(call);
  if (!stmt || !ts.isExpressionStatement(stmt) || unwrap(stmt.expression) !== call) {
    d.editError = 'set-not-a-statement';
  } else {
    d.edits.push(removeStatement(stmt, sf));
  }
  // u.searchParams.set(...) → follow u
  const target = unwrap(call.expression) as ts.PropertyAccessExpression;
  const owner = unwrap(target.expression);
  if (ts.isPropertyAccessExpression(owner) && owner.name.text === 'searchParams') {
    const urlObj = unwrap(owner.expression);
    followVariable(d, urlObj, 'url', flow);
  } else if (ts.isIdentifier(owner)) {
    // const params = new URLSearchParams(); params.set('hapikey', k); `${url}?${params}`
    followVariable(d, owner, 'url', flow);
  } else {
    d.unknown.push({ kind: 'unknown', node: owner, why: 'unknown-url-object' });
  }
  addHeaderEdits(d, style, tokenEnv);
  return d;
}

/** Follow the value a variable was initialised with. */
function followVariable(d: Draft, id: ts.Expression, as: 'url' | 'options', flow: FlowContext): void {
  if (!ts.isIdentifier(id)) { d.unknown.push({ kind: 'unknown', node: id, why: 'not-a-variable' }); return; }
  const decl = declarationWithInit(id);
  if (!decl) { d.unknown.push({ kind: 'unknown', node: id, why: 'no-declaration' }); return; }
  followToRequests(d, decl, as, flow);
}

function declarationWithInit(id: ts.Identifier): ts.Expression | null {
  const d = declarationOf(id);
  return d && ts.isVariableDeclaration(d) && d.initializer ? d.initializer : null;
}

function removeStatement(stmt: ts.Statement, sf: ts.SourceFile): TextEdit {
  const text = sf.text;
  const start = stmt.getStart(sf);
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  let end = stmt.end;
  const rest = /^[ \t]*(\r?\n)?/.exec(text.slice(end))![0];
  if (text.slice(ls, start).trim() === '' && rest.includes('\n')) return { start: ls, end: end + rest.length, text: '' };
  return { start, end, text: '' };
}

// ---------------------------------------------------------------- { hapikey: k } properties

const QUERY_OPTION = new Set(['params', 'qs', 'query', 'searchParams', 'queryParams', 'data']);

function analyseProperty(prop: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, sf: ts.SourceFile, bindings: Bindings, flow: FlowContext, style: Style, tokenEnv: string, base: Base, computedName?: string): Draft {
  const obj = prop.parent as ts.ObjectLiteralExpression;
  const value = ts.isPropertyAssignment(prop) ? unwrap(prop.initializer) : prop.name;
  const d = base('params-object', 'P05_QS_CLIENT_OPTION');
  setKeyValue(d, value);
  // `[KEY_PARAM]: key`: the name is a constant held elsewhere (key-names.ts)
  if (computedName) d.flags.push('key-name-constant');
  const name = computedName ?? propName(prop.name)!;
  if (name !== 'hapikey') { d.status = 'manual'; d.reason = name === 'hapi_key' ? 'setting-name' : 'param-name-case'; }
  if (ts.isObjectLiteralExpression(value)) { d.flags.push('key-is-object'); d.status = 'manual'; d.reason = 'key-is-object'; }

  const { parent: op } = outerParent(obj);
  // .query({ hapikey }) — superagent, or nock in tests
  if (ts.isCallExpression(op) && op.arguments[0] && unwrap(op.arguments[0]) === obj && ts.isPropertyAccessExpression(unwrap(op.expression)) && (unwrap(op.expression) as ts.PropertyAccessExpression).name.text === 'query') {
    return superagentQuery(d, op, obj, prop, sf, bindings, style, tokenEnv);
  }
  // new URLSearchParams({ hapikey })
  if (ts.isNewExpression(op) && ts.isIdentifier(op.expression) && op.expression.text === 'URLSearchParams') {
    d.pattern = 'url-search-params';
    d.category = 'P03_QS_URL_API';
    d.edits.push(removeProperty(obj, prop));
    if (obj.properties.length === 1) d.flags.push('empty-query');
    followToRequests(d, op, 'url', flow);
    addHeaderEdits(d, style, tokenEnv);
    return d;
  }
  // querystring.stringify({ hapikey }), qs.stringify, buildUrl(base, { queryParams: { hapikey } }), stringifyUrl({ query })
  if (ts.isCallExpression(op) && op.arguments.some((a) => unwrap(a) === obj) && /stringify|encode|format/i.test(op.expression.getText(sf))) {
    d.pattern = 'query-string';
    d.category = 'P04_QS_BUILDER';
    d.edits.push(removeProperty(obj, prop));
    followToRequests(d, op, 'url', flow);
    addHeaderEdits(d, style, tokenEnv);
    return d;
  }
  // { params: { hapikey } } inside an options object
  if (ts.isPropertyAssignment(op) && ts.isObjectLiteralExpression(op.parent)) {
    const optName = propName(op.name);
    const options = op.parent;
    if (optName && QUERY_OPTION.has(optName)) {
      const removal = obj.properties.length === 1 ? removeProperty(options, op) : removeProperty(obj, prop);
      const emptiesOptions = obj.properties.length === 1 && options.properties.length === 1;
      const { parent: cp } = outerParent(options);
      // builder: buildUrl(base, { queryParams: { hapikey } }) / stringifyUrl({ url, query: { hapikey } })
      if (ts.isCallExpression(cp) && /build|stringify|format/i.test(cp.expression.getText(sf))) {
        d.pattern = 'query-string';
        d.category = 'P04_QS_BUILDER';
        d.edits.push(emptiesOptions ? { start: options.getStart(sf), end: options.end, text: '{}' } : removal);
        followToRequests(d, cp, 'url', flow);
        addHeaderEdits(d, style, tokenEnv);
        return d;
      }
      // cfg => ({ ...cfg, params: { ...cfg.params, hapikey } }): an interceptor or middleware returning a new config
      const returner = returningFunction(options);
      if (returner && optName !== 'data' && interceptorOf(options, bindings)?.fn === returner) {
        return interceptorReturnEdit(d, returner, options, op, obj, prop, sf, style, tokenEnv, bindings);
      }
      // axios.create({ params: { hapikey } }) — shared config
      if (ts.isCallExpression(cp) && cp.expression.getText(sf).endsWith('.create') && cp.arguments[0] && unwrap(cp.arguments[0]) === options) {
        d.pattern = 'shared-config';
        d.category = 'P06_QS_SHARED_OBJECT';
        d.selfContained = true;
        swapForHeader(d, options, op, obj, prop, sf, style, tokenEnv);
        instanceRequests(d, cp, bindings);
        return d;
      }
      // request.defaults({ qs: { hapikey } }) / got.extend({ searchParams: { hapikey } }) — shared config
      const shared = ts.isCallExpression(cp) ? sharedInstanceKind(cp, options, optName, bindings) : null;
      if (shared) {
        d.pattern = 'shared-config';
        d.category = 'P06_QS_SHARED_OBJECT';
        d.selfContained = true;
        swapForHeader(d, options, op, obj, prop, sf, style, tokenEnv);
        clientRequests(d, shared, usesOfValue(cp as ts.CallExpression, bindings));
        return d;
      }
      if (optName === 'data' && !(ts.isCallExpression(cp) && /z\.request/.test(cp.expression.getText(sf)))) {
        d.status = 'manual';
        d.reason = 'key-in-body';
        return d;
      }
      // options object given straight to a call, or a shared const
      const urlProp = propValue(getProp(options, 'url')) ?? propValue(getProp(options, 'uri'));
      if (urlProp) d.siteUrl = evalString(urlProp);
      d.siteMethod = methodFrom(options, null);
      const uses = usesOf(options, 'options', flow);
      const reqs = uses.filter((u): u is Extract<Use, { kind: 'request' }> => u.kind === 'request');
      if (reqs.length === 1 && uses.length === 1) {
        // the call's own options object: remove the key and add the header in the same object
        const req = reqs[0].req;
        if (req.client === 'axios' && !req.configForm && req.optionsIndex !== argumentIndex(req, options)) {
          d.status = 'manual';
          d.reason = 'key-in-body';
          return d;
        }
        addRequest(d, req);
        swapForHeader(d, options, op, obj, prop, sf, style, tokenEnv, req);
        d.selfContained = true;
        return d;
      }
      if (reqs.length > 0 || isConstInit(options)) {
        // a shared options object: `const AUTH = { params: { hapikey } }` used by several calls
        d.pattern = 'shared-config';
        d.category = 'P06_QS_SHARED_OBJECT';
        // every use must keep the header: the config given as a call's options, or spread into options that
        // neither set their own `headers` (they would replace the config's, or be replaced by them) nor spread
        // anything else that may; any other use (Object.assign, an export, a function of another file) is unknown
        let unsafe: string | null = null;
        const reached: RequestCall[] = [];
        for (const u of uses) {
          if (u.kind === 'request') { addRequest(d, u.req); reached.push(u.req); continue; }
          // axios.create(CONFIG): the instance's calls send the config's headers, as with an inline config
          const created = axiosCreatedWith(u.node, options, bindings);
          if (created) { instanceRequests(d, created, bindings, options); continue; }
          noteUnknown(d, u, 'options');
          if (u.why !== 'spread' || !ts.isSpreadAssignment(u.node) || !ts.isObjectLiteralExpression(u.node.parent)) { unsafe ??= 'key-escapes'; continue; }
          const into = u.node.parent;
          if (getProp(into, 'headers') || into.properties.some((p) => ts.isSpreadAssignment(p) && p !== u.node)) { unsafe = 'spread-config-headers'; continue; }
          for (const v of usesOf(into, 'options', flow)) {
            if (v.kind === 'request') { addRequest(d, v.req); reached.push(v.req); }
            else { noteUnknown(d, v, 'options'); unsafe ??= 'key-escapes'; }
          }
        }
        if (unsafe) {
          if (unsafe === 'key-escapes') pendLinked(d, options, op, obj, prop, sf, style, tokenEnv);
          d.status = 'manual';
          d.reason = unsafe;
          return d;
        }
        swapForHeader(d, options, op, obj, prop, sf, style, tokenEnv, ...reached);
        d.selfContained = true;
        if (d.unknown.some((u) => u.kind === 'unknown' && u.why === 'spread')) d.flags.push('spread-config');
        return d;
      }
      if (uses.some((u) => u.kind === 'unknown' && u.why === 'body-position')) { d.status = 'manual'; d.reason = 'key-in-body'; return d; }
      for (const u of uses) noteUnknown(d, u, 'options');
      if (uses.length) pendLinked(d, options, op, obj, prop, sf, style, tokenEnv);
      return d;
    }
  }
  // const defaultParams = { portalId, hapikey }; request({ qs: defaultParams })
  if (isConstInit(obj)) return sharedParams(d, obj, prop, sf, flow, style, tokenEnv);
  // interceptor: cfg.params = { ...cfg.params, hapikey }
  if (ts.isBinaryExpression(op) && op.operatorToken.kind === ts.SyntaxKind.EqualsToken && /\.params$|\.qs$/.test(op.left.getText(sf))) {
    d.pattern = 'interceptor';
    d.category = 'P07_QS_INJECTED';
    listIntercepted(d, op, bindings);
    return interceptorEdit(d, op, obj, prop, sf, style, tokenEnv);
  }
  d.status = d.status ?? 'manual';
  d.reason = d.reason ?? 'unknown-shape';
  return d;
}

/**
 * `const defaultParams = { portalId, hapikey: KEY }` used as `qs: defaultParams` (or spread into a `params`
 * object) by calls of this file: when every use is such a request option, the key leaves the object and each of
 * those calls gets the header in its own options; otherwise the site is manual, with the calls it feeds listed.
 */
function sharedParams(d: Draft, obj: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike, sf: ts.SourceFile, flow: FlowContext, style: Style, tokenEnv: string): Draft {
  d.pattern = 'shared-config';
  d.category = 'P06_QS_SHARED_OBJECT';
  const decl = outerParent(obj).parent as ts.VariableDeclaration;
  let unknown = !ts.isIdentifier(decl.name) || exportNamesOf(sf, decl.name.text).length > 0;
  const refs = ts.isIdentifier(decl.name) ? referencesOf(decl.name.text, enclosingScope(decl), decl) : [];
  if (!refs.length) unknown = true;
  // each reference: a query option of a request here, or through a parameter of a function it is passed to
  const f = followParams(decl, refs, flow);
  d.requests.push(...f.requests);
  for (const u of f.unknown) noteUnknown(d, u, u.as ?? 'params');
  if (d.status) return d;
  if (unknown || f.unknown.length || !f.targets.length) { d.status = 'manual'; d.reason = 'shared-params-object'; return d; }
  if (f.sharedHelper) { d.status = 'manual'; d.reason = 'params-helper-shared'; return d; }
  d.edits.push(removeProperty(obj, prop));
  const bearer = bearerValue(tokenText(d, sf, tokenEnv), style);
  const done = new Set<ts.Node>();
  for (const t of f.targets) {
    if (done.has(t.options)) continue;
    done.add(t.options);
    // the header names the key's expression: it must mean the same inside a function the object was passed to
    if (d.keyExpr && !sameMeaningAt(d.keyExpr, t.options)) { d.editError = 'token-out-of-scope'; continue; }
    // a request helper's own headers, which a new `headers` here would replace (helper-requests.ts)
    const defaults = getProp(t.options, 'headers') ? '' : defaultHeadersText(t.req, style);
    if (typeof defaults !== 'string') { d.editError = defaults.error; continue; }
    pushHeader(d, addAuthorizationHeader(t.options, bearer, style, defaults));
    d.headerCalls.push(t.req);
  }
  d.selfContained = true;
  return d;
}

/**
 * Take the key out of `options` (the whole `params` option `op` when the key was its only entry) and send the
 * token as a header in the same options: an emptied `params` is replaced by `headers` in place.
 */
function swapForHeader(d: Draft, options: ts.ObjectLiteralExpression, op: ts.PropertyAssignment, params: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike, sf: ts.SourceFile, style: Style, tokenEnv: string, ...reqs: RequestCall[]): void {
  const bearer = bearerValue(tokenText(d, sf, tokenEnv), style);
  const emptied = params.properties.length === 1;
  if (options.properties.some((p) => ts.isSpreadAssignment(p) && !isHeaderFreeObject(p.expression))) { d.editError = 'options-spread-headers'; return; }
  // a request helper's own headers, which a new `headers` here would replace (helper-requests.ts)
  const defaults = getProp(options, 'headers') ? '' : sameDefaults(reqs, style);
  if (typeof defaults !== 'string') { d.editError = defaults.error; return; }
  if (emptied && !getProp(options, 'headers')) {
    d.edits.push({ start: op.getStart(sf), end: op.end, text: `headers: { ${defaults}Authorization: ${bearer} }` });
    return;
  }
  d.edits.push(emptied ? removeProperty(options, op) : removeProperty(params, prop));
  pushHeader(d, addAuthorizationHeader(options, bearer, style, defaults));
}

/** The default headers every one of `reqs` needs carried into a new `headers` object (they must agree). */
function sameDefaults(reqs: RequestCall[], style: Style): string | { error: string } {
  const texts = reqs.map((r) => defaultHeadersText(r, style));
  const bad = texts.find((t) => typeof t !== 'string');
  if (bad) return bad;
  return new Set(texts).size > 1 ? { error: 'helper-default-headers' } : (texts[0] as string | undefined) ?? '';
}

/**
 * An options object whose only unknown uses are where it leaves the file (returned by an exported factory, exported,
 * passed to another file's function): its rewrite (the header in the object itself) is kept aside; the site stays
 * manual (key-escapes) unless the link stage finds every use in the repository is a request given the whole object.
 * Not for a hard-coded key (its constant's removal is decided with the file's auto sites).
 */
function pendLinked(d: Draft, options: ts.ObjectLiteralExpression, op: ts.PropertyAssignment, params: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike, sf: ts.SourceFile, style: Style, tokenEnv: string): void {
  if (d.literal !== null || !d.unknown.every((u) => u.kind !== 'unknown' || (u.escape && u.escape.kind !== 'package') || untouchedByRewrite(u))) return;
  const before = d.edits.length;
  const error = d.editError;
  swapForHeader(d, options, op, params, prop, sf, style, tokenEnv);
  const edits = d.edits.splice(before);
  if (d.editError !== error) { d.editError = error; return; }
  d.pendingEdits = edits;
}

function argumentIndex(req: RequestCall, options: ts.Node): number {
  return req.call.arguments.findIndex((a) => unwrap(a) === options);
}

function isConstInit(obj: ts.Node): boolean {
  const { parent } = outerParent(obj);
  return ts.isVariableDeclaration(parent);
}

function setKeyValue(d: Draft, value: ts.Expression): void {
  const lit = literalValue(value);
  if (lit !== null) { d.literal = lit; noteLiteral(d); return; }
  const embedded = embeddedKeyLiteral(value);
  if (embedded) { d.literal = embedded.literal; d.keyExpr = embedded.rest; noteLiteral(d); return; }
  d.keyExpr = value;
  // a literal another module holds (`apiKeyValue: 'demo'` in a config module): the expression stays the token's
  // source, but the value there says something
  const held = importedString(value)?.trim();
  if (held && (UUID.test(held) || /^pat-/.test(held))) d.flags.push('rotate-key');
  else if (held !== undefined && PLACEHOLDER.test(held)) d.flags.push('placeholder-key');
}

/**
 * A key-shaped literal inside a key expression that is not itself a literal (`KEY || '0d00…'`, `'0d00…', KEY`): the
 * literal (reported, to rotate), and what is left of the expression without it (`KEY`) when it is one side of `||`,
 * `??` or `,` (else null: the token then comes from the token variable, as for a literal).
 */
function embeddedKeyLiteral(value: ts.Expression): { literal: string; rest: ts.Expression | null } | null {
  const isKey = (n: ts.Node): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
    (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && keyShaped(n.text);
  const v = unwrap(value);
  if (ts.isBinaryExpression(v) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.CommaToken].includes(v.operatorToken.kind)) {
    const l = unwrap(v.left);
    const r = unwrap(v.right);
    if (isKey(r) && !embeddedKeyLiteral(v.left)) return { literal: r.text, rest: v.left };
    if (isKey(l) && !embeddedKeyLiteral(v.right)) return { literal: l.text, rest: v.right };
  }
  let found: string | null = null;
  walk(value, (n) => { if (found === null && isKey(n)) found = n.text; });
  return found === null ? null : { literal: found, rest: null };
}

/** What replaces a hard-coded key where the token is read: the rest of its expression, else the token variable. */
function tokenInPlaceOfLiteral(d: Draft, sf: ts.SourceFile, tokenEnv: string): string {
  return d.keyExpr ? d.keyExpr.getText(sf) : `process.env.${tokenEnv}`;
}

/** The string a key expression holds when it is a literal, directly or through constants (`const KEY = '…'`). */
function literalValue(value: ts.Expression): string | null {
  const cur = constValue(value);
  return ts.isStringLiteral(cur) || ts.isNoSubstitutionTemplateLiteral(cur) ? cur.text : null;
}

function superagentQuery(d: Draft, call: ts.CallExpression, obj: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike, sf: ts.SourceFile, bindings: Bindings, style: Style, tokenEnv: string): Draft {
  const callee = unwrap(call.expression) as ts.PropertyAccessExpression;
  // find the chain root: nock(...).get(path).query(...) or agent.post(url).query(...)
  let root: ts.Expression = callee.expression;
  const chainCalls: ts.CallExpression[] = [];
  while (ts.isCallExpression(unwrap(root))) {
    const c = unwrap(root) as ts.CallExpression;
    chainCalls.push(c);
    const e = unwrap(c.expression);
    if (!ts.isPropertyAccessExpression(e)) break;
    root = e.expression;
  }
  const rootText = unwrap(root).getText(sf);
  const isNock = /^nock\b/.test(rootText) || chainCalls.some((c) => /^nock\s*\(/.test(c.getText(sf)));
  if (isNock) {
    // the mock expected the key in the query: after the rewrite it must expect the Authorization header instead
    d.pattern = 'other';
    d.category = 'P32_TEST_FIXTURE';
    const match = `matchHeader(${quoted('authorization', style)}, /^Bearer /)`;
    if (obj.properties.length === 1) d.edits.push({ start: callee.name.getStart(sf), end: call.end, text: match });
    else {
      d.edits.push(removeProperty(obj, prop));
      d.edits.push({ start: call.end, end: call.end, text: '.' + match });
    }
    d.selfContained = true;
    return d;
  }
  if (/\.(reply|intercept)\b/.test(call.parent.getText(sf))) {
    d.pattern = 'other';
    d.category = 'P32_TEST_FIXTURE';
    d.status = 'manual';
    d.reason = 'test-mock';
    return d;
  }
  // superagent is known by what the chain starts from (an import of it, or a framework built on it), never by the
  // name `.query` alone: `URI(url).query({ hapikey })` is a URL builder, and `.set('Authorization')` does not exist there
  if (!isSuperagentRoot(unwrap(root), bindings)) {
    d.status = 'manual';
    d.reason = 'unknown-client';
    return d;
  }
  // the verb call: .get(url) / .post(url)
  const verbCall = chainCalls.find((c) => {
    const e = unwrap(c.expression);
    return ts.isPropertyAccessExpression(e) && /^(get|post|put|patch|del|delete|head)$/.test(e.name.text);
  });
  if (verbCall) {
    const verb = (unwrap(verbCall.expression) as ts.PropertyAccessExpression).name.text.toUpperCase();
    addRequest(d, { call: verbCall, client: 'superagent', method: (verb === 'DEL' ? 'DELETE' : verb) as HttpMethod, url: verbCall.arguments[0] ?? null, optionsIndex: -1, configForm: false, headers: 'unsupported' });
  } else {
    d.unknown.push({ kind: 'unknown', node: call, why: 'no-verb-call' });
  }
  const token = tokenText(d, sf, tokenEnv);
  const auth = `set(${quoted('Authorization', style)}, ${bearerValue(token, style)})`;
  if (obj.properties.length === 1) {
    d.edits.push({ start: callee.name.getStart(sf), end: call.end, text: auth });
  } else {
    d.edits.push(removeProperty(obj, prop));
    d.edits.push({ start: call.end, end: call.end, text: '.' + auth });
  }
  d.selfContained = true;
  return d;
}

function interceptorEdit(d: Draft, assign: ts.BinaryExpression, obj: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike, sf: ts.SourceFile, style: Style, tokenEnv: string): Draft {
  // cfg.params = { ...cfg.params, hapikey: k }  →  cfg.headers = { ...cfg.headers, Authorization: … }
  const left = assign.left.getText(sf);
  const owner = left.replace(/\.(params|qs)$/, '');
  const token = tokenText(d, sf, tokenEnv);
  const others = obj.properties.filter((p) => p !== prop && !(ts.isSpreadAssignment(p) && p.expression.getText(sf) === left));
  const defaults = /\.defaults$/.test(owner);
  if (defaults) { d.pattern = 'shared-config'; d.category = 'P06_QS_SHARED_OBJECT'; }
  // axios.defaults: the documented place for a header every request sends is defaults.headers.common
  const header = defaults
    ? `${owner}.headers.common.Authorization = ${bearerValue(token, style)}`
    : `${owner}.headers = { ...${owner}.headers, Authorization: ${bearerValue(token, style)} }`;
  if (others.length === 0) {
    d.edits.push({ start: assign.getStart(sf), end: assign.end, text: header });
  } else {
    d.edits.push(removeProperty(obj, prop));
    const stmt = statementOf(assign);
    if (!stmt) { d.editError = 'interceptor-shape'; return d; }
    const indent = indentationAt(sf.text, stmt.getStart(sf));
    d.edits.push({ start: stmt.end, end: stmt.end, text: style.eol + indent + header + (sf.text[stmt.end - 1] === ';' ? ';' : '') });
  }
  d.selfContained = true;
  return d;
}

/** The requests an interceptor or middleware adds the key to: every request of its client (other files: link stage). */
function listIntercepted(d: Draft, node: ts.Node, bindings: Bindings): void {
  const t = interceptorOf(node, bindings)?.target;
  if (t?.kind === 'instance') clientRequests(d, t.client, t.uses);
  else if (t?.kind === 'global') d.requests.push(...t.requests);
  else if (t?.kind === 'zapier') { d.client = { kind: 'zapier' }; d.escapes.push({ kind: 'package', line: t.line }); }
  else {
    // `request(config) { config.params = { …, hapikey }; return axios(config) }`: every call of the wrapper
    const w = t ? null : requestWrapperOf(node, bindings);
    if (w) { clientRequests(d, w.client, w.uses); d.requests.push(...w.more); }
  }
}

/** `cfg => ({ ...cfg, params: { ...cfg.params, hapikey: k } })` → the key leaves `params`, `headers` is set beside it. */
function interceptorReturnEdit(d: Draft, fn: ts.FunctionLikeDeclaration, options: ts.ObjectLiteralExpression, op: ts.PropertyAssignment, params: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike, sf: ts.SourceFile, style: Style, tokenEnv: string, bindings: Bindings): Draft {
  d.pattern = 'interceptor';
  d.category = 'P07_QS_INJECTED';
  listIntercepted(d, options, bindings);
  const cfg = fn.parameters[0] && ts.isIdentifier(fn.parameters[0].name) ? fn.parameters[0].name.text : null;
  if (!cfg || getProp(options, 'headers')) { d.editError = 'interceptor-shape'; return d; }
  d.edits.push(removeProperty(params, prop));
  d.edits.push({ start: op.end, end: op.end, text: `, headers: { ...${cfg}.headers, Authorization: ${bearerValue(tokenText(d, sf, tokenEnv), style)} }` });
  d.selfContained = true;
  return d;
}

// ---------------------------------------------------------------- x.hapikey = k

function analyseAssignment(assign: ts.BinaryExpression, sf: ts.SourceFile, flow: FlowContext, style: Style, tokenEnv: string, base: Base): Draft {
  const d = base('interceptor', 'P07_QS_INJECTED');
  setKeyValue(d, unwrap(assign.right));
  const left = unwrap(assign.left);
  const owner = ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left) ? left.expression.getText(sf) : '';
  // req.params.hapikey = k / cfg.params.hapikey = k / config.qs.hapikey = k
  const m = /^(.*)\.(params|qs|query)$/.exec(owner);
  const stmt = statementOf(assign);
  if (m && stmt && ts.isExpressionStatement(stmt)) {
    const target = m[1];
    const token = tokenText(d, sf, tokenEnv);
    const header = `${target}.headers = { ...${target}.headers, Authorization: ${bearerValue(token, style)} }`;
    d.edits.push({ start: assign.getStart(sf), end: assign.end, text: header });
    d.selfContained = true;
    listIntercepted(d, assign, flow.bindings);
    return d;
  }
  d.status = 'manual';
  d.reason = 'unknown-shape';
  return d;
}

// ---------------------------------------------------------------- client libraries

function analyseLibrary(hit: Extract<Hit, { kind: 'library-option' | 'library-assignment' | 'library-setter' }>, sf: ts.SourceFile, flow: FlowContext, tokenEnv: string, base: Base): Draft {
  const d = base('client-option', 'P10_CLIENT_API_CLIENT_APIKEY');
  if (hit.kind === 'library-setter') {
    const a = hit.node.arguments[0] ? unwrap(hit.node.arguments[0]) : undefined;
    if (a) setKeyValue(d, a);
    // setApiKey on a receiver the file does not tell: other SDKs have a setApiKey of their own (SendGrid, …)
    if (!hit.ctor) { d.status = 'manual'; d.reason = 'setter-receiver-unknown'; return d; }
    libraryRequests(d, hit.ctor, 'hubspot-api-client', flow);
    const name = (unwrap(hit.node.expression) as ts.PropertyAccessExpression).name;
    d.edits.push({ start: name.getStart(sf), end: name.end, text: 'setAccessToken' });
    if (d.literal !== null && a) d.edits.push({ start: a.getStart(sf), end: a.end, text: tokenInPlaceOfLiteral(d, sf, tokenEnv) });
    d.selfContained = true;
    return d;
  }
  const lib: Lib = hit.lib;
  d.category = lib === 'hubspot-api-client' ? 'P10_CLIENT_API_CLIENT_APIKEY' : lib === 'hubspot' ? 'P11_CLIENT_HUBSPOT_NPM_APIKEY' : 'P12_CLIENT_HUBSPOT_API_HAPIKEY';
  libraryRequests(d, hit.ctor, lib, flow);
  if (hit.kind === 'library-assignment') {
    setKeyValue(d, unwrap(hit.node.right));
    const name = (unwrap(hit.node.left) as ts.PropertyAccessExpression).name;
    d.edits.push({ start: name.getStart(sf), end: name.end, text: 'accessToken' });
    if (d.literal !== null) d.edits.push({ start: hit.node.right.getStart(sf), end: hit.node.right.end, text: tokenInPlaceOfLiteral(d, sf, tokenEnv) });
    d.selfContained = true;
    if (hit.optionsUse) pendOptionsUse(d, hit.optionsUse);
    return d;
  }
  const prop = hit.node;
  const name = propName(prop.name);
  if (name === 'developerApiKey') {
    d.status = 'developer-key';
    d.reason = 'developer-api-key-option';
    return d;
  }
  const obj = prop.parent as ts.ObjectLiteralExpression;
  if (getProp(obj, 'accessToken')) { d.status = 'ignored'; d.reason = 'dual-mode'; d.category = 'P36_DUAL_MODE'; return d; }
  if (ts.isConditionalExpression(outerParent(obj).parent) || returnedBesideToken(obj)) { d.flags.push('dual-mode'); }
  if (ts.isShorthandPropertyAssignment(prop)) {
    setKeyValue(d, prop.name);
    d.edits.push({ start: prop.getStart(sf), end: prop.end, text: `accessToken: ${d.literal !== null ? tokenInPlaceOfLiteral(d, sf, tokenEnv) : prop.name.text}` });
  } else {
    setKeyValue(d, unwrap(prop.initializer));
    d.edits.push({ start: prop.name.getStart(sf), end: prop.name.end, text: 'accessToken' });
    if (d.literal !== null) d.edits.push({ start: prop.initializer.getStart(sf), end: prop.initializer.end, text: tokenInPlaceOfLiteral(d, sf, tokenEnv) });
  }
  d.selfContained = true;
  if (hit.optionsUse) pendOptionsUse(d, hit.optionsUse);
  return d;
}

/**
 * Client options are renamed to accessToken only where nothing else reads the old name: options a variable holds or
 * a function returns that this file also uses otherwise keep the site manual; a function other modules could call
 * waits for the link stage to see no other file mention its name (a literal key's removal is decided with the
 * file's auto sites, so it stays manual).
 */
function pendOptionsUse(d: Draft, use: OptionsUse): void {
  if (!use.shared && !use.name) return;
  d.status = 'manual';
  d.reason = 'client-options-shared';
  if (use.shared || d.literal !== null) return;
  d.pendingEdits = d.edits.splice(0);
  d.nameCheck = use.name!;
}

function libraryRequests(d: Draft, ctor: ts.NewExpression, lib: Lib, flow: FlowContext): void {
  const version = flow.libraryVersions?.[lib];
  clientRequests(d, { kind: 'sdk', lib, ...(version ? { version } : {}) }, usesOfValue(ctor, flow.bindings));
}

/** The requests made through a client value in this file; where it leaves the file, the link stage takes over. */
function clientRequests(d: Draft, client: ClientKind, uses: ReceiverUses): void {
  d.client = client;
  for (const c of uses.calls) d.requests.push(...requestsOfCall(client, c));
  d.escapes.push(...uses.escapes);
}

// ---------------------------------------------------------------- requests and headers

function followToRequests(d: Draft, value: ts.Expression, as: 'url' | 'options', flow: FlowContext): void {
  for (const u of usesOf(value, as, flow)) {
    if (u.kind === 'request') { addRequest(d, u.req); d.headerCalls.push(u.req); }
    else noteUnknown(d, u, as);
  }
}

/** A use the file does not show: it keeps the site from `auto`; where the value leaves the file, the link stage looks. */
function noteUnknown(d: Draft, u: Use, as: 'url' | 'options' | 'params'): void {
  d.unknown.push(u);
  if (u.kind === 'unknown' && u.escape) d.valueEscapes.push({ as, escape: u.escape });
}

/** `axios.create(CONFIG)` where `CONFIG` is a const holding `options`: that call, or null. */
function axiosCreatedWith(node: ts.Node, options: ts.ObjectLiteralExpression, bindings: Bindings): ts.CallExpression | null {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return null;
  const chain = chainOf(node.expression);
  if (!chain || chain.length !== 2 || chain[1] !== 'create' || bindings.get(chain[0])?.module !== 'axios') return null;
  const a0 = unwrap(node.arguments[0]);
  const decl = ts.isIdentifier(a0) ? declarationOf(a0) : null;
  return decl && ts.isVariableDeclaration(decl) && decl.initializer && unwrap(decl.initializer) === options ? node : null;
}

/** The calls made through the instance `create` returns (`config`: its options object, when not inline). */
function instanceRequests(d: Draft, create: ts.CallExpression, bindings: Bindings, config?: ts.ObjectLiteralExpression): void {
  const a0 = config ?? (create.arguments[0] ? unwrap(create.arguments[0]) : undefined);
  const b = a0 && ts.isObjectLiteralExpression(a0) ? propValue(getProp(a0, 'baseURL')) ?? propValue(getProp(a0, 'baseUrl')) : undefined;
  clientRequests(d, { kind: 'axios', baseURL: b ? evalString(b) : undefined }, usesOfValue(create, bindings));
}

function addRequest(d: Draft, req: RequestCall): void {
  d.requests.push(requestOf(req));
}

function tokenText(d: Draft, sf: ts.SourceFile, tokenEnv: string): string {
  return d.keyExpr ? d.keyExpr.getText(sf) : `process.env.${tokenEnv}`;
}

function pushHeader(d: Draft, e: TextEdit | { error: string }): void {
  if ('error' in e) d.editError = e.error;
  else d.edits.push(e);
}

/** Add the Authorization header at every call the key's URL reaches. */
function addHeaderEdits(d: Draft, style: Style, tokenEnv: string): void {
  if (!d.headerCalls.length) return;
  const sf = d.headerCalls[0].call.getSourceFile();
  const bearer = bearerValue(tokenText(d, sf, tokenEnv), style);
  const done = new Set<ts.Node>();
  for (const req of d.headerCalls) {
    if (done.has(req.call)) continue;
    done.add(req.call);
    // the header names the key's expression: it must mean the same thing where the call is (a wrapper function
    // elsewhere does not see the caller's parameter or `this`)
    if (d.keyExpr && !sameMeaningAt(d.keyExpr, req.call)) { d.editError = 'token-out-of-scope'; continue; }
    // …and a header inside a wrapper goes out with every call of the wrapper: all of them must go to HubSpot
    const shared = wrapperHeaderProblem(req.call, d.pos);
    if (shared) { d.editError = shared; continue; }
    pushHeader(d, headerEditFor(req, bearer, style));
  }
}

/** The calls chained on `call` (`call.set(…).send(…)`): their names and string first arguments. */
function chainedCalls(call: ts.CallExpression): Array<{ name: string; firstArg: string | null }> {
  const out: Array<{ name: string; firstArg: string | null }> = [];
  let cur: ts.Node = call;
  while (ts.isPropertyAccessExpression(cur.parent) && cur.parent.expression === cur && ts.isCallExpression(cur.parent.parent) && cur.parent.parent.expression === cur.parent) {
    const next: ts.CallExpression = cur.parent.parent;
    const a0 = next.arguments[0] ? unwrap(next.arguments[0]) : undefined;
    out.push({ name: cur.parent.name.text, firstArg: a0 && (ts.isStringLiteral(a0) || ts.isNoSubstitutionTemplateLiteral(a0)) ? a0.text : null });
    cur = next;
  }
  return out;
}

/** Whether expression `e` (written at its own place) names the same values when written at `at`. */
function sameMeaningAt(e: ts.Expression, at: ts.Node): boolean {
  let ok = true;
  const check = (n: ts.Node): void => {
    if (!ok) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword && thisOwner(n) !== thisOwner(at)) ok = false;
    if (ts.isIdentifier(n) && isValueReference(n) && declarationOf(n) !== declarationOfName(n.text, at)) ok = false;
    ts.forEachChild(n, check);
  };
  check(e);
  return ok;
}

/** The function that gives `this` its meaning at `n` (arrow functions take their parent's). */
function thisOwner(n: ts.Node): ts.Node {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p) && !ts.isArrowFunction(p)) return p;
  return n.getSourceFile();
}

function headerEditFor(req: RequestCall, bearer: string, style: Style): TextEdit | { error: string } {
  if (req.headers === 'unsupported') return { error: 'client-without-headers' };
  if (req.headers === 'chain') {
    // superagent.post(url) → superagent.post(url).set('Authorization', …), unless the chain already sets one
    if (chainedCalls(req.call).some((c) => c.name === 'set' && /^authorization$/i.test(c.firstArg ?? ''))) return { error: 'authorization-header-exists' };
    return { start: req.call.end, end: req.call.end, text: `.set(${quoted('Authorization', style)}, ${bearer})` };
  }
  if (req.headers === 'statement') {
    // xhr.open(…); → xhr.open(…);\n<indent>xhr.setRequestHeader('Authorization', …);
    const stmt = statementOf(req.call);
    if (!stmt || !ts.isExpressionStatement(stmt) || unwrap(stmt.expression) !== req.call) return { error: 'client-without-headers' };
    const sf = req.call.getSourceFile();
    const owner = (unwrap(req.call.expression) as ts.PropertyAccessExpression).expression.getText(sf);
    const indent = indentationAt(sf.text, stmt.getStart(sf));
    const semi = sf.text[stmt.end - 1] === ';' ? ';' : '';
    return { start: stmt.end, end: stmt.end, text: `${style.eol}${indent}${owner}.setRequestHeader(${quoted('Authorization', style)}, ${bearer})${semi}` };
  }
  if (req.client === 'jquery') {
    const o = optionsObject(req);
    return o ? addAuthorizationHeader(o, bearer, style) : { error: 'client-without-headers' };
  }
  const args = req.call.arguments;
  const opt = args[req.optionsIndex];
  // a request helper's own headers (helper-requests.ts): a new `headers` object must carry them
  const defaults = defaultHeadersText(req, style);
  if (typeof defaults !== 'string') {
    const o = opt ? unwrap(opt) : undefined;
    const target = o && ts.isObjectLiteralExpression(o) ? o : o && ts.isIdentifier(o) ? soleOptionsObject(o) : null;
    return target && getProp(target, 'headers') ? addAuthorizationHeader(target, bearer, style) : defaults;
  }
  const headerObj = `{ headers: { ${defaults}Authorization: ${bearer} } }`;
  if (opt) {
    const o = unwrap(opt);
    if (ts.isObjectLiteralExpression(o)) return addAuthorizationHeader(o, bearer, style, defaults);
    if ((ts.isArrowFunction(o) || ts.isFunctionExpression(o)) && (req.client === 'request' || req.client === 'node-http' || req.client === 'needle')) {
      return { start: opt.getStart(), end: opt.getStart(), text: headerObj + ', ' };
    }
    if (ts.isIdentifier(o) && o.text === 'undefined') return { start: opt.getStart(), end: opt.end, text: headerObj };
    // `const options = { … }; rp(options)`: the header goes into that object when this call is its only use
    const sole = ts.isIdentifier(o) ? soleOptionsObject(o) : null;
    if (sole) return addAuthorizationHeader(sole, bearer, style, defaults);
    return { error: 'options-not-literal' };
  }
  if (args.length === 0) return { error: 'no-arguments' };
  const missing = req.optionsIndex - args.length;
  if (missing < 0) return { error: 'options-position' };
  if (missing > 0 && req.client !== 'axios') return { error: 'options-position' };
  const last = args[args.length - 1];
  const fill = 'undefined, '.repeat(missing);
  return { start: last.end, end: last.end, text: ', ' + fill + headerObj };
}

/** The object literal a variable holds when the variable is used once, here (so adding to it changes no other call). */
function soleOptionsObject(id: ts.Identifier): ts.ObjectLiteralExpression | null {
  const init = constInitializer(id);
  if (!init || !ts.isObjectLiteralExpression(init)) return null;
  const decl = declarationOf(id);
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || exportNamesOf(id.getSourceFile(), id.text).length) return null;
  // logging the options (`console.log('options', options)`) reads them and changes nothing
  const refs = referencesOf(id.text, enclosingScope(decl), decl).filter((r) => !isLogged(r));
  return refs.length === 1 && refs[0] === id ? init : null;
}

/** `console.log(x)`, `console.error('…', x)`: a value passed straight to the console. */
function isLogged(ref: ts.Identifier): boolean {
  const { node, parent } = outerParent(ref);
  if (!ts.isCallExpression(parent) || !parent.arguments.includes(node as ts.Expression)) return false;
  const chain = chainOf(parent.expression);
  return !!chain && chain.length === 2 && chain[0] === 'console';
}

// ---------------------------------------------------------------- classification

interface ClassifyContext { repo: ScanInput['repo']; browser: boolean; rewriteBrowser: boolean; path: string }

function classify(d: Draft, c: ClassifyContext): void {
  const reqHosts = d.requests.map((r) => (r as RequestInfo & { host?: string | null }).host ?? null);
  if (c.repo.libraryPackage && d.status !== 'ignored') {
    d.status = 'ignored';
    d.reason = 'library-internal';
    d.category = d.category === 'P32_TEST_FIXTURE' ? d.category : 'P24_LIBRARY_INTERNAL';
    return;
  }
  if (d.status === 'ignored' || d.status === 'developer-key') return;
  // developer keys: decided by the endpoint first, then by naming
  // one key that reaches both developer-key endpoints and account endpoints: neither answer is right for all calls
  const devCalls = d.requests.filter((r) => r.path && isDeveloperKeyEndpoint(r.method, r.path));
  const accountCalls = d.requests.filter((r) => r.path && !isDeveloperKeyEndpoint(r.method, r.path) && !isOtherHost((r as RequestInfo & { host?: string | null }).host ?? null));
  if (devCalls.length && accountCalls.length) {
    d.status = 'manual';
    d.reason = 'mixed-credentials';
    return;
  }
  if (devCalls.length || (!d.requests.some((r) => r.path) && d.urlPath && isDeveloperKeyEndpoint(null, d.urlPath))) {
    d.status = 'developer-key';
    d.reason = 'developer-key-endpoint';
    d.category = 'P20_DEVKEY';
    return;
  }
  const keyName = d.keyExpr ? d.keyExpr.getText() : '';
  if (/dev(eloper)?[_-]?(api)?[_-]?key/i.test(keyName) && !d.requests.some((r) => r.path)) {
    d.status = 'developer-key';
    d.reason = 'developer-key-name';
    d.category = 'P20_DEVKEY';
    return;
  }
  if (reqHosts.length && reqHosts.every((h) => isOtherHost(h))) {
    d.status = 'ignored';
    d.reason = 'not-hubspot';
    d.category = 'P25_NOT_HUBSPOT';
    return;
  }
  // a key sent to an endpoint that takes no credential: removing it is the whole migration, and no header may be added
  if (d.requests.some((r, i) => isUnauthenticatedEndpoint(reqHosts[i], r.path))) {
    d.status = 'manual';
    d.reason = 'unauthenticated-endpoint';
    d.category = 'P22_UNAUTHENTICATED_ENDPOINT';
    return;
  }
  if (d.status === 'manual') return;
  if (c.browser) d.flags.push('browser-code');
  if (d.flags.includes('hard-coded-key')) d.flags.push('rotate-key');
  if (d.editError) { d.status = 'manual'; d.reason = d.editError; return; }
  if (!d.selfContained) {
    const unknown = d.unknown.filter((u) => u.kind === 'unknown');
    if (!d.headerCalls.length) { d.status = 'manual'; d.reason = d.valueEscapes.length ? 'key-escapes' : 'request-not-found'; return; }
    if (unknown.length) { d.status = 'manual'; d.reason = 'key-escapes'; return; }
  }
  if (c.browser && !c.rewriteBrowser) { d.status = 'manual'; d.reason = 'browser-code'; return; }
  d.status = 'auto';
  d.reason = d.flags.includes('hard-coded-key') ? 'hard-coded-key' : '';
}
