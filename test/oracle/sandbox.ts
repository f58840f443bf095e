// Load one module in a fresh node:vm context: TypeScript/JSX/ESM transpiled to CommonJS, stubs for clients and globals.
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

/** Names of the functions a file declares at its top level (called too: scripts register work without exporting). */
export function topLevelFunctions(name: string, source: string): string[] {
  const sf = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, false, /x$/.test(name) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) out.push(st.name.text);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) out.push(d.name.text);
      }
    }
  }
  return out;
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

export function load(name: string, source: string, rec: Recorder): Loaded {
  const module = { exports: {} as any };
  let timers = 0;
  const defer = (fn: unknown, ...args: unknown[]) => {
    if (typeof fn === 'function' && timers++ < 200) setImmediate(() => { try { (fn as (...a: unknown[]) => void)(...args); } catch (e) { rec.errors.push(`timer: ${(e as Error).message}`); } });
    return timers;
  };
  const globals: Record<string, unknown> = {
    console: { log() {}, info() {}, warn() {}, error() {}, debug() {} },
    process: { env: fakeEnv(), argv: ['node', name], platform: 'linux', version: 'v20.0.0', versions: { node: '20.0.0' }, cwd: () => '/app',
      on() {}, once() {}, exit() { throw new Error('process.exit'); }, nextTick: (fn: () => void) => queueMicrotask(fn) },
    URL, URLSearchParams, Headers, TextEncoder, TextDecoder, Buffer, AbortController,
    setTimeout: defer, setImmediate: defer, setInterval: () => 0, clearTimeout() {}, clearInterval() {}, queueMicrotask,
    fetch: fetchStub(rec),
    XMLHttpRequest: xhrStub(rec),
  };
  const $ = jqueryStub(rec);
  globals.$ = $;
  globals.jQuery = $;
  globals.window = globals;
  // test files: run suites and hooks at once
  const run = (...a: unknown[]) => { const f = a.find((x) => typeof x === 'function') as (() => unknown) | undefined; return f?.(); };
  for (const k of ['describe', 'it', 'test', 'beforeEach', 'beforeAll', 'afterEach', 'afterAll']) globals[k] = run;
  const context = vm.createContext(globals);
  context.__oracle = { require: makeRequire(rec), module };
  const locals = topLevelFunctions(name, source).map((n) => `${JSON.stringify(n)}: typeof ${n} === 'function' ? ${n} : undefined`).join(', ');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${transpile(name, source)}\n;__oracle.locals = { ${locals} };\n})`;
  const fn = vm.runInContext(wrapped, context, { filename: name, timeout: SYNC_MS });
  context.__oracle.fn = fn;
  vm.runInContext('__oracle.fn.call(__oracle.module.exports, __oracle.module.exports, __oracle.require, __oracle.module, "/app/x.js", "/app")', context, { timeout: SYNC_MS });
  return {
    context,
    module,
    locals: context.__oracle.locals ?? {},
    call(target, args, construct = false) {
      context.__oracle.target = target;
      context.__oracle.args = args;
      return vm.runInContext(construct ? 'new __oracle.target(...__oracle.args)' : '__oracle.target(...__oracle.args)', context, { timeout: SYNC_MS });
    },
  };
}
