// Find the places in a parsed file where an API key may be sent (the raw hits, before any flow analysis).
import { ts, chainOf, declarationOf, enclosingScope, outerParent, propName, referencesOf, unwrap, walk } from './ast.js';
import type { Bindings } from './imports.js';
import { type Lib, KEY_OPTION, libraryOfConstructor } from './libraries.js';
import { KEY_NAMES, keyNameOf, keyNamesInUrl } from './key-names.js';
import { urlExpressionOf } from './query-string.js';
import { libraryCtorOfReturned, type OptionsUse } from './returned-options.js';

export type Hit =
  /** `hapikey=` inside a string or template piece. */
  | { kind: 'query'; node: ts.Node; pos: number }
  /** `{ hapikey: k }` property (`name`: the parameter name a computed key `[KEY_PARAM]` evaluates to). */
  | { kind: 'property'; node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment; pos: number; name?: string }
  /** `${base}?${KEY_PARAM}=${k}`: the parameter name is an expression (`node`) inside the URL `url`. */
  | { kind: 'query-name'; node: ts.Expression; url: ts.Expression; pos: number }
  /** `u.searchParams.set('hapikey', k)` / `.append(…)`. */
  | { kind: 'search-params'; node: ts.CallExpression; pos: number }
  /** `cfg.params.hapikey = k`, `qs['hapikey'] = k`. */
  | { kind: 'assignment'; node: ts.BinaryExpression; pos: number }
  /** `new Client({ apiKey })`, `new Hubspot({ apiKey })`, `new HubSpotClient({ hapikey })` (also `developerApiKey`). */
  /** `returned`: the options object is what a function returns (see returned-options.ts). */
  | { kind: 'library-option'; node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment; ctor: ts.NewExpression; lib: Lib; pos: number; optionsUse?: OptionsUse }
  /** `opts.apiKey = k` where `opts` is passed to a library constructor. */
  | { kind: 'library-assignment'; node: ts.BinaryExpression; ctor: ts.NewExpression; lib: Lib; pos: number; optionsUse?: OptionsUse }
  /**
   * `client.setApiKey(k)` on an @hubspot/api-client client (`ctor`: where it was made), or on a receiver the file
   * does not tell (`ctor` null). A receiver that is another module or another library's object is no hit.
   */
  | { kind: 'library-setter'; node: ts.CallExpression; pos: number; ctor: ts.NewExpression | null }
  /** A comment that mentions `hapikey`. */
  | { kind: 'comment'; pos: number; text: string }
  /** Where the key's value is declared (env var read, setting name). */
  | { kind: 'config'; node: ts.Node; pos: number; what: string }
  /** A UUID-shaped format check for the key. */
  | { kind: 'format-check'; node: ts.Node; pos: number };

const KEY_PARAM = /(^|[?&])hapikey=/i;
const ENV_KEY = /^(?=.*(HUBSPOT|HUBAPI|HAPI|^HS_|_HS_))(?=.*(KEY|TOKEN))[A-Z0-9_]+$/;
const ENV_KEY_STRICT = /(HAPI_?KEY|HUBSPOT_?API_?KEY|API_?KEY_?HUBSPOT|HS_?API_?KEY|HUBAPI_?KEY|HUBSPOT_?KEY)/i;
const UUID_REGEX = /\{8\}.*-.*\{4\}.*\{12\}|\[0-9a-f\]\{8\}|\\w\{8\}-/i;

/**
 * Property names and values that mean "the key" in a HubSpot-related file. Setting names are spelled in any case
 * (`apiKey`, `apikey`, `ApiKey`, `hapiKey`, `HAPI_KEY`): a form or connection schema names its field as it likes.
 */
function isKeySettingString(s: string): boolean {
  return /(^|\.)(apikey|hapikey|hapi_key)$/i.test(s) || ENV_KEY_STRICT.test(s) && /^[A-Z0-9_]+$/.test(s) || CLI_KEY_FLAG.test(s);
}

/** A command-line option that takes the key: `--hapikey`, `-k, --hapi-key <key>`, `--api-key [key]`. */
const CLI_KEY_FLAG = /^(-\w,\s*)?--(hapi[-_]?key|api[-_]?key)(\s+[<[][\w-]*[>\]])?$/i;

export function findHits(sf: ts.SourceFile, bindings: Bindings, aliases: Map<string, Lib>, hubspotFile: boolean): Hit[] {
  const hits: Hit[] = [];
  walk(sf, (n) => {
    switch (n.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail:
        stringPiece(n as ts.StringLiteral | ts.TemplateLiteralLikeNode, sf, hubspotFile, hits);
        break;
      case ts.SyntaxKind.TemplateExpression:
        queryNames(n as ts.TemplateExpression, sf, hits);
        break;
      case ts.SyntaxKind.BinaryExpression: {
        const op = (n as ts.BinaryExpression).operatorToken.kind;
        if (op === ts.SyntaxKind.PlusToken) queryNames(n as ts.BinaryExpression, sf, hits);
        else if (op === ts.SyntaxKind.EqualsToken) assignment(n as ts.BinaryExpression, sf, bindings, aliases, hits);
        break;
      }
      case ts.SyntaxKind.PropertyAssignment:
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        property(n as ts.PropertyAssignment | ts.ShorthandPropertyAssignment, sf, bindings, aliases, hubspotFile, hits);
        break;
      case ts.SyntaxKind.CallExpression:
        call(n as ts.CallExpression, sf, bindings, aliases, hubspotFile, hits);
        break;
      case ts.SyntaxKind.PropertyAccessExpression:
        if (hubspotFile) envKey(n as ts.PropertyAccessExpression, sf, hits);
        break;
      case ts.SyntaxKind.RegularExpressionLiteral:
        if (UUID_REGEX.test((n as ts.RegularExpressionLiteral).text) && (hubspotFile || keyNamed(n))) {
          hits.push({ kind: 'format-check', node: n, pos: n.getStart(sf) });
        }
        break;
    }
  });
  for (const c of commentHits(sf)) hits.push(c);
  return hits;
}

/** `hapikey=` inside a string or template piece; a string that names the key in a HubSpot file. */
function stringPiece(n: ts.StringLiteral | ts.TemplateLiteralLikeNode, sf: ts.SourceFile, hubspotFile: boolean, hits: Hit[]): void {
  // the raw text holds `hapikey=` only where the cooked text does: most strings are passed over without a copy
  if (KEY_PARAM.test(n.text)) {
    const m = KEY_PARAM.exec(n.getText(sf).slice(1));
    if (m && !(ts.isStringLiteral(n) && (ts.isImportDeclaration(n.parent) || ts.isExternalModuleReference(n.parent)))) {
      hits.push({ kind: 'query', node: n, pos: n.getStart(sf) + 1 + m.index + m[1].length });
      return;
    }
  }
  if (ts.isStringLiteral(n) && hubspotFile && isKeySettingString(n.text) && !isPropertyNameOrKeyArg(n)) {
    hits.push({ kind: 'config', node: n, pos: n.getStart(sf) + 1, what: n.text });
  }
}

/** `${base}?${KEY_PARAM}=${k}`: parameter names held in expressions of a URL. */
function queryNames(n: ts.TemplateExpression | ts.BinaryExpression, sf: ts.SourceFile, hits: Hit[]): void {
  if (urlExpressionOf(n) !== n) return;
  for (const name of keyNamesInUrl(n, sf)) hits.push({ kind: 'query-name', node: name, url: n, pos: name.getStart(sf) });
}

function property(n: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, sf: ts.SourceFile, bindings: Bindings, aliases: Map<string, Lib>, hubspotFile: boolean, hits: Hit[]): void {
  // `[KEY_PARAM]: k`: a computed name that evaluates to the parameter name
  const computed = ts.isComputedPropertyName(n.name) ? keyNameOf(n.name.expression) : null;
  const name = computed ?? propName(n.name);
  if (name && KEY_NAMES.has(name) && ts.isObjectLiteralExpression(n.parent)) {
    const lib = libraryCtorOf(n.parent, bindings, aliases);
    if (lib && name === KEY_OPTION[lib.lib] && !computed) hits.push({ kind: 'library-option', node: n, ctor: lib.ctor, lib: lib.lib, pos: n.name.getStart(sf), ...(lib.optionsUse ? { optionsUse: lib.optionsUse } : {}) });
    else hits.push({ kind: 'property', node: n, pos: n.name.getStart(sf), ...(computed ? { name: computed } : {}) });
  } else if (name === 'apiKey' || name === 'developerApiKey') {
    const lib = ts.isObjectLiteralExpression(n.parent) ? libraryCtorOf(n.parent, bindings, aliases) : null;
    if (lib && (name === KEY_OPTION[lib.lib] || name === 'developerApiKey')) {
      hits.push({ kind: 'library-option', node: n, ctor: lib.ctor, lib: lib.lib, pos: n.name.getStart(sf), ...(lib.optionsUse ? { optionsUse: lib.optionsUse } : {}) });
    } else if (hubspotFile && name === 'apiKey') {
      hits.push({ kind: 'config', node: n, pos: n.name.getStart(sf), what: 'apiKey' });
    }
  } else if (name && hubspotFile && ENV_KEY_STRICT.test(name) && /^[A-Z0-9_]+$/.test(name)) {
    hits.push({ kind: 'config', node: n, pos: n.name.getStart(sf), what: name });
  }
}

/** `u.searchParams.set('hapikey', k)`, `client.setApiKey(k)`, `API_KEY_REGEX.test(key)`. */
function call(n: ts.CallExpression, sf: ts.SourceFile, bindings: Bindings, aliases: Map<string, Lib>, hubspotFile: boolean, hits: Hit[]): void {
  const callee = unwrap(n.expression);
  if (!ts.isPropertyAccessExpression(callee)) return;
  const m = callee.name.text;
  const a0 = n.arguments[0] ? unwrap(n.arguments[0]) : undefined;
  if ((m === 'set' || m === 'append') && a0 && (ts.isStringLiteral(a0) ? KEY_NAMES.has(a0.text) : n.arguments.length === 2 && keyNameOf(a0) !== null)) {
    hits.push({ kind: 'search-params', node: n, pos: a0.getStart(sf) + 1 });
  } else if (m === 'setApiKey') {
    const receiver = setterReceiver(callee.expression, bindings, aliases);
    if (receiver !== 'other') hits.push({ kind: 'library-setter', node: n, pos: callee.name.getStart(sf), ctor: receiver });
  } else if (m === 'test' && hubspotFile && /key|token/i.test(callee.expression.getText(sf)) && /regex|pattern|re$/i.test(callee.expression.getText(sf))) {
    hits.push({ kind: 'format-check', node: n, pos: callee.getStart(sf) });
  }
}

/** `cfg.params.hapikey = k`, `qs['hapikey'] = k`, `client.apiKey = k`. */
function assignment(n: ts.BinaryExpression, sf: ts.SourceFile, bindings: Bindings, aliases: Map<string, Lib>, hits: Hit[]): void {
  const left = unwrap(n.left);
  let name: string | null = null;
  if (ts.isPropertyAccessExpression(left)) name = left.name.text;
  else if (ts.isElementAccessExpression(left) && ts.isStringLiteral(left.argumentExpression)) name = left.argumentExpression.text;
  else if (ts.isElementAccessExpression(left)) name = keyNameOf(left.argumentExpression);
  if (name && KEY_NAMES.has(name)) {
    const at = ts.isPropertyAccessExpression(left) ? left.name : (left as ts.ElementAccessExpression).argumentExpression;
    hits.push({ kind: 'assignment', node: n, pos: at.getStart(sf) + (ts.isStringLiteral(at) ? 1 : 0) });
  } else if (name === 'apiKey' && ts.isPropertyAccessExpression(left) && ts.isIdentifier(left.expression)) {
    const ctor = ctorReceiving(left.expression, bindings, aliases);
    if (ctor && KEY_OPTION[ctor.lib] === 'apiKey') hits.push({ kind: 'library-assignment', node: n, ctor: ctor.ctor, lib: ctor.lib, pos: left.name.getStart(sf), optionsUse: ctor.optionsUse });
  }
}

/** `process.env.HUBSPOT_API_KEY` in a HubSpot file. */
function envKey(n: ts.PropertyAccessExpression, sf: ts.SourceFile, hits: Hit[]): void {
  const last = n.name.text;
  if (!ENV_KEY.test(last) || !ENV_KEY_STRICT.test(last)) return;
  const c = chainOf(n);
  if (c && c.length === 3 && c[0] === 'process' && c[1] === 'env') hits.push({ kind: 'config', node: n, pos: n.name.getStart(sf), what: c[2] });
}

/** A regex bound to a name that says API key: `const API_KEY_REGEX = /…/`, `{ apiKeyPattern: /…/ }`. */
function keyNamed(n: ts.Node): boolean {
  const p = n.parent;
  const name = ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) ? p.name.getText() : '';
  return /api_?key|hapi/i.test(name);
}

function isPropertyNameOrKeyArg(n: ts.StringLiteral): boolean {
  const p = n.parent;
  if (ts.isPropertyAssignment(p) && p.name === n) return true;
  if (ts.isElementAccessExpression(p)) return true;
  if (ts.isCallExpression(p) && p.arguments[0] === n && ts.isPropertyAccessExpression(p.expression) && (p.expression.name.text === 'set' || p.expression.name.text === 'append')) return true;
  return false;
}

function libraryCtorOf(obj: ts.ObjectLiteralExpression, bindings: Bindings, aliases: Map<string, Lib>): { ctor: ts.NewExpression; lib: Lib; optionsUse?: OptionsUse } | null {
  let node: ts.Node = obj;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isConditionalExpression(node.parent))) node = node.parent;
  const p = node.parent;
  if (p && ts.isNewExpression(p) && p.arguments?.[0] === node) {
    const lib = libraryOfConstructor(p.expression, bindings, aliases);
    return lib ? { ctor: p, lib } : null;
  }
  // const opts = { apiKey }; new Client(opts)
  if (p && ts.isVariableDeclaration(p) && p.initializer === node && ts.isIdentifier(p.name)) {
    return ctorReceiving(p.name, bindings, aliases);
  }
  // getOptions() { return { hapikey } } … new HubspotAPI(await this.getOptions())
  if (p && (ts.isReturnStatement(p) || ts.isArrowFunction(p))) return libraryCtorOfReturned(obj, bindings, aliases);
  return null;
}

/**
 * What `x` in `x.setApiKey(k)` is: the `new hubspot.Client()` it was made by (a variable or `this.x` assigned or
 * initialised with it in this file), 'other' (an imported module such as `@sendgrid/mail`, or another class's
 * instance: their setApiKey is theirs), or null (a parameter, a property: the file does not tell).
 */
function setterReceiver(e: ts.Expression, bindings: Bindings, aliases: Map<string, Lib>): ts.NewExpression | 'other' | null {
  const chain = chainOf(e);
  if (!chain) return null;
  const isThis = chain[0] === 'this';
  if (isThis ? chain.length !== 2 : chain.length !== 1) return null;
  if (!isThis && bindings.has(chain[0])) return 'other';
  const name = isThis ? chain[1] : chain[0];
  const values: ts.Expression[] = [];
  walk(e.getSourceFile(), (n) => {
    if (ts.isVariableDeclaration(n) && !isThis && ts.isIdentifier(n.name) && n.name.text === name && n.initializer) values.push(n.initializer);
    if (ts.isPropertyDeclaration(n) && isThis && propName(n.name) === name && n.initializer) values.push(n.initializer);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = chainOf(n.left);
      if (left && left.length === chain.length && left.every((x, i) => x === chain[i])) values.push(n.right);
    }
  });
  let found: ts.NewExpression | null = null;
  for (const v of values.map(unwrap)) {
    if (!ts.isNewExpression(v)) return null;
    if (libraryOfConstructor(v.expression, bindings, aliases) !== 'hubspot-api-client') return 'other';
    found ??= v;
  }
  return found;
}

/**
 * The library constructor the options variable `id` (its declaration, or a reference to it) is passed to, with
 * whether anything else can read the key option it holds: a reference that is neither a library constructor's
 * argument nor a property access of another name (`opts.timeout`, the hit's own `opts.apiKey = k`) makes it shared.
 */
function ctorReceiving(id: ts.Identifier, bindings: Bindings, aliases: Map<string, Lib>): { ctor: ts.NewExpression; lib: Lib; optionsUse: OptionsUse } | null {
  const decl = ts.isVariableDeclaration(id.parent) && id.parent.name === id ? id.parent : declarationOf(id);
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) {
    // a parameter or a destructured name: the object comes from elsewhere, which may read the key option too
    const byName = ctorGivenName(id, bindings, aliases);
    return byName ? { ...byName, optionsUse: { shared: true, name: null } } : null;
  }
  let found: { ctor: ts.NewExpression; lib: Lib } | null = null;
  let shared = false;
  for (const ref of referencesOf(decl.name.text, enclosingScope(decl), decl)) {
    const { node, parent: p } = outerParent(ref);
    if (ts.isNewExpression(p) && p.arguments?.length === 1 && unwrap(p.arguments[0]) === unwrap(node as ts.Expression)) {
      const lib = libraryOfConstructor(p.expression, bindings, aliases);
      if (lib) { found ??= { ctor: p, lib }; continue; }
    }
    if (ts.isPropertyAccessExpression(ref.parent) && ref.parent.expression === ref) {
      const name = ref.parent.name.text;
      const written = ts.isBinaryExpression(ref.parent.parent) && ref.parent.parent.left === ref.parent && ref.parent.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      if (!KEY_OPTION_NAMES.has(name) || written) continue;
    }
    shared = true;
  }
  return found ? { ...found, optionsUse: { shared, name: null } } : null;
}

/** The first library constructor given an identifier of `id`'s name as its only argument, anywhere in the file. */
function ctorGivenName(id: ts.Identifier, bindings: Bindings, aliases: Map<string, Lib>): { ctor: ts.NewExpression; lib: Lib } | null {
  let found: { ctor: ts.NewExpression; lib: Lib } | null = null;
  walk(id.getSourceFile(), (n) => {
    if (found || !ts.isNewExpression(n) || n.arguments?.length !== 1) return;
    const a = unwrap(n.arguments[0]);
    if (!ts.isIdentifier(a) || a.text !== id.text) return;
    const lib = libraryOfConstructor(n.expression, bindings, aliases);
    if (lib) found = { ctor: n, lib };
  });
  return found;
}

/** Option names that hold the key in a library's options (a read of one sees the rename). */
const KEY_OPTION_NAMES: ReadonlySet<string> = new Set([...Object.values(KEY_OPTION), 'apiKey', 'hapikey', 'accessToken']);

/**
 * `hapikey` inside comments: each text occurrence that no token covers lies in trivia, i.e. in a comment.
 * (A text search plus a token lookup per occurrence; walking every node's comment ranges costs far more.)
 */
function commentHits(sf: ts.SourceFile): Hit[] {
  const text = sf.text;
  const out: Hit[] = [];
  const seenLines = new Set<number>();
  const getToken = (ts as unknown as { getTokenAtPosition(sf: ts.SourceFile, pos: number): ts.Node }).getTokenAtPosition;
  for (const m of text.matchAll(/hapikey/gi)) {
    const pos = m.index!;
    const tok = getToken(sf, pos);
    if (pos >= tok.getStart(sf) && pos < tok.end) continue; // inside a token: code or a string
    if (tok.kind === ts.SyntaxKind.JsxText) continue;
    const line = sf.getLineAndCharacterOfPosition(pos).line;
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    const ranges = [...(ts.getLeadingCommentRanges(text, tok.pos) ?? [])];
    const r = ranges.find((c) => pos >= c.pos && pos < c.end);
    out.push({ kind: 'comment', pos, text: r ? text.slice(r.pos, r.end) : text.slice(pos, text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos)) });
  }
  return out;
}
