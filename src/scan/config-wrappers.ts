// Request helpers another module exports that hand their caller's options to axios:
//   exports.post = (options) => axios({ method: 'POST', headers: { 'Content-Type': 'application/json' }, ...options })
//   export const get = (path, options) => api.get(`${BASE}${path}`, options)
// Seen from the caller, `http.post({ url, params: { hapikey } })` is then an axios request whose options are the
// caller's object: the key leaves it and the header goes into it. What the helper sets itself matters for that
// edit, and is recorded: the method and URL it uses, and the headers it sets before the spread (a caller's own
// `headers` replaces them, so the rewrite must carry them over). Anything the analysis cannot vouch for (the options
// changed, passed elsewhere, headers set after the spread) makes the helper unknown: the caller stays `manual`.
import type { HttpMethod } from '../model/site.js';
import { ts, hasModifier, chainOf, declarationOf, outerParent, propName, propValue, referencesOf, unwrap } from './ast.js';
import { axiosInstanceOf } from './clients.js';
import { collectBindings, type Bindings } from './imports.js';
import { exportedNode } from './module-values.js';
import { piecesOf } from './query-string.js';
import { evalString } from './url.js';

export interface ConfigWrapper {
  /** The caller's argument that holds the options. */
  index: number;
  /** The method the helper sends when the options name none (or always, with `methodFixed`). */
  method: HttpMethod | null;
  methodFixed: boolean;
  /** The URL the helper builds: `prefix` followed by the caller's argument `urlIndex` (null: `prefix` alone). */
  url: { prefix: string; urlIndex: number | null } | null;
  /** The helper's URL wins over the options' own `url` (axios verb helpers). */
  urlFixed: boolean;
  /** The base URL the helper's axios applies to a relative URL. */
  baseURL?: string;
  /**
   * Headers the helper sets that the options' own `headers` replace, as [name, value] pairs; `unknown` when they
   * cannot be copied (not literal strings); null when none.
   */
  headers: Array<[string, string]> | 'unknown' | null;
}

const VERB_CONFIG_INDEX: Record<string, number> = { get: 1, delete: 1, head: 1, options: 1, post: 2, put: 2, patch: 2 };

/** The helper module `sf` exports at `path` (`['post']`, `['default', 'post']`), analysed; null when it is none. */
export function configWrapperIn(sf: ts.SourceFile, path: readonly string[]): ConfigWrapper | null {
  const fn = exportedFunction(sf, path);
  return fn ? configWrapperOfFunction(fn, collectBindings(sf)) : null;
}

/**
 * `fn` analysed as a request helper (`bindings`: its file's). `spreadOnly`: only a helper that spreads the options
 * into a config literal counts (a local helper that passes them on as they are is followed by the flow analysis).
 */
export function configWrapperOfFunction(fn: ts.FunctionLikeDeclaration, bindings: Bindings, spreadOnly = false): ConfigWrapper | null {
  if (!fn.body) return null;
  let found: ConfigWrapper | null = null;
  for (let i = 0; i < fn.parameters.length; i++) {
    const p = fn.parameters[i];
    if (!ts.isIdentifier(p.name) || p.dotDotDotToken) continue;
    const w = analyseParameter(fn, i, p.name.text, p, bindings, spreadOnly);
    if (w === 'unknown') return null;
    if (w) {
      if (found) return null; // two option parameters: which one carries what is not clear
      found = w;
    }
  }
  return found;
}

/** The function at `path`: `export function f`, `export const f = () =>`, `exports.f = …`, `module.exports = { f }`. */
function exportedFunction(sf: ts.SourceFile, path: readonly string[]): ts.FunctionLikeDeclaration | null {
  if (path.length === 1) {
    for (const s of sf.statements) {
      if (ts.isFunctionDeclaration(s) && s.name?.text === path[0] && hasModifier(s, ts.SyntaxKind.ExportKeyword)) return s;
    }
  }
  const e = exportedNode(sf, path);
  if (!e) return null;
  if (ts.isMethodDeclaration(e)) return e.body ? e : null;
  const v = unwrap(e);
  if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) return v;
  if (ts.isIdentifier(v)) {
    for (const s of sf.statements) if (ts.isFunctionDeclaration(s) && s.name?.text === v.text && s.body) return s;
  }
  return null;
}

/**
 * Parameter `name` of `fn`: null when it carries no request options, `unknown` when it does in a way the analysis
 * cannot vouch for, else what the helper does with it.
 */
function analyseParameter(fn: ts.FunctionLikeDeclaration, index: number, name: string, decl: ts.ParameterDeclaration, bindings: Bindings, spreadOnly: boolean): ConfigWrapper | 'unknown' | null {
  const refs = referencesOf(name, fn, decl);
  let slot: { call: ts.CallExpression; argIndex: number; literal: ts.ObjectLiteralExpression | null; spread: ts.SpreadAssignment | null } | null = null;
  let other = false;
  for (const ref of refs) {
    const { node, parent } = outerParent(ref);
    // `{ ...options }` as the config of an axios call
    if (ts.isSpreadAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
      const lit = parent.parent;
      const at = axiosSlot(lit, bindings);
      if (!at || slot) return 'unknown';
      slot = { ...at, literal: lit, spread: parent };
      continue;
    }
    // `axios.get(url, options)`: the options themselves
    if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
      const at = axiosSlot(node as ts.Expression, bindings);
      if (at) {
        if (slot) return 'unknown';
        slot = { ...at, literal: null, spread: null };
        continue;
      }
      other = true;
      continue;
    }
    // reads that leave the request alone: `options.data`, `options.data || []`
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node && !isWrite(parent)) {
      if (parent.name.text === 'headers' || parent.name.text === 'params') other = true;
      continue;
    }
    other = true;
  }
  if (!slot || (spreadOnly && !slot.spread)) return null;
  if (other) return 'unknown';
  return describe(fn, index, slot, bindings);
}

/** Whether the property access is changed (assigned, deleted, incremented) rather than read. */
function isWrite(pa: ts.PropertyAccessExpression): boolean {
  const { node, parent } = outerParent(pa);
  if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  if (ts.isDeleteExpression(parent)) return true;
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  return false;
}

/** `e` is the config argument of an axios call (`axios(e)`, `api.request(e)`, `axios.get(url, e)`): which call and where. */
function axiosSlot(e: ts.Expression, bindings: Bindings): { call: ts.CallExpression; argIndex: number } | null {
  const { node, parent } = outerParent(e);
  if (!ts.isCallExpression(parent)) return null;
  const argIndex = parent.arguments.indexOf(node as ts.Expression);
  if (argIndex < 0) return null;
  const chain = chainOf(parent.expression);
  if (!chain) return null;
  const callee = unwrap(parent.expression);
  const owner = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  if (!isAxiosValue(owner, bindings)) return null;
  const verb = ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  if (verb === null || verb === 'request') return argIndex === 0 ? { call: parent, argIndex } : null;
  return VERB_CONFIG_INDEX[verb] === argIndex ? { call: parent, argIndex } : null;
}

function isAxiosValue(e: ts.Expression, bindings: Bindings): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u)) {
    const b = bindings.get(u.text);
    if (b) return b.module === 'axios' && (b.imported === '*' || b.imported === 'default');
    if (u.text === 'axios' && !declarationOf(u)) return true;
  }
  return axiosInstanceOf(u, bindings) !== null;
}

function describe(fn: ts.FunctionLikeDeclaration, index: number, slot: { call: ts.CallExpression; argIndex: number; literal: ts.ObjectLiteralExpression | null; spread: ts.SpreadAssignment | null }, bindings: Bindings): ConfigWrapper | 'unknown' {
  const { call } = slot;
  const callee = unwrap(call.expression);
  const owner = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  const verb = ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  const inst = axiosInstanceOf(unwrap(owner), bindings);
  const w: ConfigWrapper = { index, method: null, methodFixed: false, url: null, urlFixed: false, headers: null };
  // an instance's own `headers` are merged with a request's by axios: only the helper's literal ones can be replaced
  if (inst?.baseURL !== undefined) w.baseURL = inst.baseURL;
  if (verb && verb !== 'request') {
    const m = verb.toUpperCase();
    w.method = m === 'GET' || m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'DELETE' ? m : null;
    w.methodFixed = true;
    const url = call.arguments[0];
    if (!url) return 'unknown';
    const u = urlOf(fn, url);
    if (!u) return 'unknown';
    w.url = u;
    w.urlFixed = true;
  }
  if (!slot.literal || !slot.spread) return w;
  const props = slot.literal.properties;
  const at = props.indexOf(slot.spread);
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    if (i === at) continue;
    if (ts.isSpreadAssignment(p) || !p.name || ts.isComputedPropertyName(p.name)) return 'unknown';
    const name = propName(p.name);
    const value = propValue(p);
    const after = i > at;
    if (name === 'headers' || name === 'params' || name === 'baseURL') {
      if (after) return 'unknown';
      if (name === 'headers') w.headers = literalPairs(value);
      if (name === 'baseURL' && value) w.baseURL = evalString(value);
      continue;
    }
    if (name === 'method') {
      const s = value ? evalString(value).toUpperCase() : '';
      const m = s === 'GET' || s === 'POST' || s === 'PUT' || s === 'PATCH' || s === 'DELETE' ? s : null;
      if (after) { w.method = m; w.methodFixed = true; } else if (!w.methodFixed) w.method = m;
      continue;
    }
    if (name === 'url') {
      if (after || !value) return 'unknown';
      const u = urlOf(fn, value);
      if (!u) return 'unknown';
      if (!w.urlFixed) w.url = u;
    }
  }
  return w;
}

/** `headers: { 'Content-Type': 'application/json' }` → its pairs; anything but literal names and strings → unknown. */
function literalPairs(value: ts.Expression | undefined): Array<[string, string]> | 'unknown' {
  const v = value ? unwrap(value) : undefined;
  if (!v || !ts.isObjectLiteralExpression(v)) return 'unknown';
  const out: Array<[string, string]> = [];
  for (const p of v.properties) {
    if (!ts.isPropertyAssignment(p)) return 'unknown';
    const k = propName(p.name);
    const x = unwrap(p.initializer);
    if (k === null || ts.isComputedPropertyName(p.name) || !(ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x))) return 'unknown';
    if (/['"`\\\r\n]/.test(k + x.text)) return 'unknown';
    out.push([k, x.text]);
  }
  return out;
}

/** The helper's URL: a constant, or a constant prefix followed by one of its parameters (`${BASE}${path}`). */
function urlOf(fn: ts.FunctionLikeDeclaration, e: ts.Expression): ConfigWrapper['url'] {
  const paramIndex = (x: ts.Expression): number => {
    const u = unwrap(x);
    return ts.isIdentifier(u) ? fn.parameters.findIndex((q) => ts.isIdentifier(q.name) && q.name.text === u.text) : -1;
  };
  const pieces = piecesOf(unwrap(e), e.getSourceFile());
  let prefix = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p.kind === 'text') { prefix += p.raw; continue; }
    const j = paramIndex(p.node);
    if (j < 0) { prefix += evalString(p.node); continue; }
    // the parameter must end the URL (a query after it is no path)
    const rest = pieces.slice(i + 1).map((q) => (q.kind === 'text' ? q.raw : evalString(q.node))).join('');
    if (rest !== '' && !rest.startsWith('?')) return null;
    return { prefix, urlIndex: j };
  }
  return prefix === '{}' ? null : { prefix, urlIndex: null };
}
