// Calls of the methods that use a request wrapper, evaluated with each caller's arguments. A wrapper call inside a
// method builds its URL from the method's parameters (`searchObjects(schemaId) { return this.client.request({ url:
// `/crm/v3/objects/${schemaId}/search` }) }`); where that method is called through the wrapper's instance with a
// known argument (`client.objects.searchObjects('COMPANY', …)`), the request that call makes is known too
// (`/crm/v3/objects/COMPANY/search`), and so is its object type. A call with nothing known adds nothing (the wrapper
// call itself is already reported, with `{}`). The scan evaluates the calls of the key's file; the link stage those
// it finds in other modules.
import type { ClientKind, HostedRequest } from './client-calls.js';
import { requestInfo } from './client-calls.js';
import { ts, declarationOf, getProp, lineOf, propName, propValue, unwrap, walk } from './ast.js';
import { methodFrom } from './clients.js';
import { enclosingClass, type ReceiverCall } from './receivers.js';
import { evalString, hostAndPath, joinUrl } from './url.js';

type Wrapper = Extract<ClientKind, { kind: 'wrapper' }>;

interface Template { cls: string; method: string; fn: ts.MethodDeclaration; call: ts.CallExpression }
interface Caller { file: string; call: ReceiverCall }

const MAX_DEPTH = 8;

/** Per site: the wrapper calls found inside methods (templates) and the other calls made through the instance (callers). */
export class MethodCalls {
  private readonly templates = new Map<string, Template[]>();
  private readonly callers = new Map<string, Caller[]>();

  /** Calls found through the wrapper's value in `file`. */
  add(siteId: string, client: Wrapper, file: string, calls: readonly ReceiverCall[]): void {
    if (client.member === null) return;
    for (const c of calls) {
      if (c.chain.join('.') === client.member) this.addTemplate(siteId, client, c.call);
      else (this.callers.get(siteId) ?? this.callers.set(siteId, []).get(siteId)!).push({ file, call: c });
    }
  }

  /**
   * In the file the key is in, the wrapper's class: its methods' wrapper calls (`this.request({…})`) are templates,
   * and (with `callers`) its calls of its own methods (`this.get('/crm/v3/owners')`) are callers.
   */
  addOwnClass(siteId: string, client: Wrapper, file: string, sf: ts.SourceFile, callers: boolean): void {
    if (!client.cls || client.member === null) return;
    walk(sf, (n) => {
      if (!ts.isCallExpression(n)) return;
      const callee = unwrap(n.expression);
      if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind !== ts.SyntaxKind.ThisKeyword) return;
      if (enclosingClass(n)?.name?.text !== client.cls) return;
      if (callee.name.text === client.member) this.addTemplate(siteId, client, n);
      else if (callers) (this.callers.get(siteId) ?? this.callers.set(siteId, []).get(siteId)!).push({ file, call: { call: n, chain: [callee.name.text] } });
    });
  }

  private addTemplate(siteId: string, client: Wrapper, call: ts.CallExpression): void {
    const cfg = config(call, client);
    if (!cfg) return;
    let fn: ts.Node | undefined = call.parent;
    while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
    // arrow functions inside the method see its parameters too
    while (fn && ts.isArrowFunction(fn)) { fn = fn.parent; while (fn && !ts.isFunctionLike(fn)) fn = fn.parent; }
    if (!fn || !ts.isMethodDeclaration(fn) || !ts.isClassLike(fn.parent) || !fn.parent.name) return;
    const method = propName(fn.name);
    if (!method || !usesParameter(cfg.url, fn)) return;
    const list = this.templates.get(siteId) ?? this.templates.set(siteId, []).get(siteId)!;
    if (!list.some((t) => t.call === call)) list.push({ cls: fn.parent.name.text, method, fn, call });
  }

  /** The requests the callers make where their arguments say more than the template does. */
  requests(siteId: string, client: Wrapper): HostedRequest[] {
    const out: HostedRequest[] = [];
    const templates = this.templates.get(siteId) ?? [];
    if (!templates.length) return out;
    for (const { file, call } of this.callers.get(siteId) ?? []) {
      const chain = call.chain;
      const name = chain[chain.length - 1];
      // `client.m(…)`: a method of the wrapper's class; `client.objects.m(…)`: of the class `objects` holds
      const cls = chain.length === 1 ? client.cls : chain.length >= 2 ? client.holders?.[chain[chain.length - 2]] : undefined;
      if (!cls) continue;
      for (const t of templates) {
        if (t.cls !== cls || t.method !== name) continue;
        const r = evaluate(t, call.call, client);
        if (r) out.push({ ...r, file });
      }
    }
    return out;
  }
}

function config(call: ts.CallExpression, client: Wrapper): { url: ts.Expression; obj: ts.ObjectLiteralExpression } | null {
  const a = call.arguments[client.index];
  const obj = a ? unwrap(a) : undefined;
  if (!obj || !ts.isObjectLiteralExpression(obj)) return null;
  const url = propValue(getProp(obj, 'url')) ?? propValue(getProp(obj, 'uri'));
  return url ? { url, obj } : null;
}

function usesParameter(e: ts.Expression, fn: ts.MethodDeclaration): boolean {
  let found = false;
  walk(e, (n) => {
    if (ts.isIdentifier(n) && parameterIndex(n, fn) >= 0) found = true;
  });
  return found;
}

function parameterIndex(id: ts.Identifier, fn: ts.MethodDeclaration): number {
  const d = declarationOf(id);
  return d && ts.isParameter(d) && d.parent === fn ? fn.parameters.indexOf(d) : -1;
}

/** The template's request with the method's parameters bound to the caller's arguments; null when that tells nothing new. */
function evaluate(t: Template, outer: ts.CallExpression, client: Wrapper): HostedRequest | null {
  const cfg = config(t.call, client)!;
  const own = evalString(cfg.url);
  const bound = evalBound(cfg.url, t.fn, outer.arguments, 0);
  if (bound === own) return null;
  let s = bound;
  if (client.baseURL !== undefined && !/^[a-z]+:\/\//i.test(s)) s = joinUrl(client.baseURL, s);
  const hp = hostAndPath(s);
  if (!hp.path) return null;
  return { ...requestInfo(client.http, methodFrom(cfg.obj, 'GET'), hp.path, lineOf(outer)), host: hp.host };
}

/** `evalString`, where a parameter of `fn` is the caller's argument (evaluated where the caller is). */
function evalBound(e: ts.Expression, fn: ts.MethodDeclaration, args: ts.NodeArray<ts.Expression>, depth: number): string {
  e = unwrap(e);
  if (depth > MAX_DEPTH) return '{}';
  if (ts.isTemplateExpression(e)) {
    let s = e.head.text;
    for (const span of e.templateSpans) s += evalBound(span.expression, fn, args, depth + 1) + span.literal.text;
    return s;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return evalBound(e.left, fn, args, depth + 1) + evalBound(e.right, fn, args, depth + 1);
  }
  if (ts.isIdentifier(e)) {
    const i = parameterIndex(e, fn);
    if (i >= 0) {
      const a = args[i];
      return a && !ts.isSpreadElement(a) && !fn.parameters[i].dotDotDotToken ? evalString(a) : '{}';
    }
  }
  return evalString(e);
}
