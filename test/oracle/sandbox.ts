// Load one module in a fresh node:vm context: TypeScript/JSX/ESM transpiled to CommonJS, stubs for clients and globals.
import path from 'node:path';
import vm from 'node:vm';
import { ts } from 'ts-morph';
import { makeRequire } from './modules.js';
import type { Recorder } from './record.js';
import { fetchStub } from './stubs/fetch.js';
import { jqueryStub } from './stubs/jquery.js';
import { xhrStub } from './stubs/xhr.js';

/** Fixed fake environment: every variable reads `env:<NAME>`, so before and after see the same values. */
export function fakeEnv(): Record<string, string> {
  return new Proxy({} as Record<string, string>, {
    get: (t, p) => (typeof p === 'symbol' ? undefined : p in t ? t[p] : `env:${p}`),
  });
}

export function envValue(name: string): string {
  return `env:${name}`;
}

export function transpile(name: string, source: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return ts.transpileModule(text, {
    fileName: name.replace(/\.(vue|svelte)$/, '.ts'),
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      jsx: ts.JsxEmit.React,
      esModuleInterop: true,
      allowJs: true,
    },
    reportDiagnostics: false,
  }).outputText;
}

/** What the loader needs to know of a file: its top-level functions (called too: scripts register work without
 *  exporting), and whether it must be transpiled (TypeScript, JSX, ES modules; plain CommonJS runs as it is). */
export function shapeOf(name: string, source: string): { locals: string[]; transpile: boolean } {
  const kind = /\.[jt]sx$/.test(name) ? ts.ScriptKind.TSX : /\.[mc]?js$/.test(name) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, false, kind);
  const locals: string[] = [];
  let esm = false;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || ts.isExportAssignment(st) || ts.isImportEqualsDeclaration(st)) esm = true;
    if (ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) esm = true;
    if (ts.isFunctionDeclaration(st) && st.name && st.body) locals.push(st.name.text);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) locals.push(d.name.text);
      }
    }
  }
  const helpers = calledOnly(sf);
  return { locals: locals.filter((n) => !helpers.has(n)), transpile: esm || kind !== ts.ScriptKind.JS };
}

/**
 * Names that the file only ever calls (`helper(a, b)`, never passed, exported or assigned): such a function is not
 * an entry point of its own; it runs with the arguments its callers give when they are driven.
 */
function calledOnly(sf: ts.SourceFile): Set<string> {
  const called = new Set<string>();
  const other = new Set<string>();
  // the source file is parsed without parent links: each node is visited with its parent
  const visit = (n: ts.Node, p: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const declName = (ts.isFunctionDeclaration(p) || ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)
        || ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === n;
      const member = (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isBindingElement(p) && p.propertyName === n);
      if (!declName && !member) (ts.isCallExpression(p) && p.expression === n ? called : other).add(n.text);
    }
    ts.forEachChild(n, (c) => visit(c, n));
  };
  ts.forEachChild(sf, (c) => visit(c, sf));
  for (const n of other) called.delete(n);
  return called;
}

export interface Loaded {
  context: vm.Context;
  module: { exports: any };
  /** The file's top-level functions, by name. */
  locals: Record<string, unknown>;
  /** Run `fn(...args)` inside the context, synchronous part bounded. */
  call(fn: unknown, args: unknown[], construct?: boolean): unknown;
}

const SYNC_MS = 2000;

/** Other files of the same program, for relative `require`s: path → source; modules loaded once and shared. */
export interface Project {
  files: Map<string, string>;
  loaded: Map<string, Loaded>;
  /** The context every file of the program runs in (one realm, as in a real process). */
  context: vm.Context;
}

function resolveIn(project: Project, from: string, spec: string): string | null {
  const base = path.posix.join(path.posix.dirname(from), spec);
  // TypeScript's ESM style: `./http.js` names http.ts
  const ts = /\.[cm]?js$/.test(base) ? [base.replace(/\.([cm]?)js$/, '.$1ts')] : [];
  for (const c of [base, ...ts, ...['.js', '.ts', '.cjs', '.mjs', '.jsx', '.tsx'].map((e) => base + e), base + '/index.js']) if (project.files.has(c)) return c;
  return null;
}

/** Globals that do not depend on the run (the run's stubs are passed to each module as wrapper parameters). */
export function newContext(): vm.Context {
  const globals: Record<string, unknown> = {
    console: { log() {}, info() {}, warn() {}, error() {}, debug() {} },
    URL, URLSearchParams, Headers, Request, TextEncoder, TextDecoder, Buffer, AbortController,
    setInterval: () => 0, clearTimeout() {}, clearInterval() {}, queueMicrotask,
  };
  // test files: run suites and hooks at once
  const run = (...a: unknown[]) => { const f = a.find((x) => typeof x === 'function') as (() => unknown) | undefined; return f?.(); };
  for (const k of ['describe', 'it', 'test', 'beforeEach', 'beforeAll', 'afterEach', 'afterAll']) globals[k] = run;
  const context = vm.createContext(globals);
  context.__oracle = {};
  return context;
}

let shared: vm.Context | null = null;

/** One context reused by every load that asks for it (generated programs: they touch no global state). */
export function sharedContext(): vm.Context {
  return (shared ??= newContext());
}

/** The stubs bound to one run's recorder, passed to the module as parameters that shadow the globals. */
function runGlobals(name: string, rec: Recorder): Record<string, unknown> {
  let timers = 0;
  const defer = (fn: unknown, ...args: unknown[]) => {
    if (typeof fn === 'function' && timers++ < 200) setImmediate(() => { try { (fn as (...a: unknown[]) => void)(...args); } catch (e) { rec.errors.push(`timer: ${(e as Error).message}`); } });
    return timers;
  };
  const $ = jqueryStub(rec);
  const g: Record<string, unknown> = {
    process: { env: fakeEnv(), argv: ['node', name], platform: 'linux', version: 'v20.0.0', versions: { node: '20.0.0' }, cwd: () => '/app',
      on() {}, once() {}, exit() { throw new Error('process.exit'); }, nextTick: (fn: () => void) => queueMicrotask(fn) },
    setTimeout: defer,
    setImmediate: defer,
    fetch: fetchStub(rec),
    XMLHttpRequest: xhrStub(rec),
    $,
    jQuery: $,
  };
  g.window = g;
  return g;
}

export function load(name: string, source: string, rec: Recorder, project?: Project, context: vm.Context = project?.context ?? newContext()): Loaded {
  const module = { exports: {} as any };
  // the synchronous part of each step is bounded (a watchdog thread each time), except in the shared context of
  // generated programs, which have no loops and are many
  const T = context === shared ? {} : { timeout: SYNC_MS };
  const local = (spec: string) => {
    if (!project) return undefined;
    const file = resolveIn(project, name, spec);
    if (!file) return undefined;
    if (!project.loaded.has(file)) load(file, project.files.get(file)!, rec, project, context);
    return project.loaded.get(file)!.module.exports;
  };
  const g = runGlobals(name, rec);
  const names = Object.keys(g);
  const shape = shapeOf(name, source);
  const locals = shape.locals.map((n) => `${JSON.stringify(n)}: typeof ${n} === 'function' ? ${n} : undefined`).join(', ');
  const code = shape.transpile ? transpile(name, source) : source.replace(/^\ufeff/, '');
  // the run's stubs are parameters of an outer function, so the module may still declare its own `fetch`
  const wrapped = `(function (${names.join(', ')}) { return function (exports, require, module, __filename, __dirname) {${code}\n;return { ${locals} };\n}; })`;
  const fn = vm.runInContext(wrapped, context, { filename: name, ...T });
  let localFns: Record<string, unknown> = {};
  const loaded: Loaded = {
    context,
    module,
    get locals() { return localFns; },
    call(target, args, construct = false) {
      context.__oracle.target = target;
      context.__oracle.args = args;
      return vm.runInContext(construct ? 'new __oracle.target(...__oracle.args)' : '__oracle.target(...__oracle.args)', context, T);
    },
  };
  project?.loaded.set(name, loaded);
  context.__oracle.target = fn(...names.map((n) => g[n]));
  context.__oracle.args = [module.exports, makeRequire(rec, local), module, `/app/${name}`, '/app'];
  context.__oracle.self = module.exports;
  localFns = vm.runInContext('__oracle.target.apply(__oracle.self, __oracle.args)', context, T) ?? {};
  return loaded;
}
