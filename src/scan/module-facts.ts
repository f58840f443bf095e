// The scan's window on other modules of the repository: constant strings they export (RepoFacts.moduleValue) and
// helpers that spread their options into an axios config (RepoFacts.configWrapperOf). Each module is read and
// parsed once, on first need, and only when an importer asks: most runs never parse one.
import type { ConfigWrapper } from './config-wrappers.js';
import { configWrapperIn } from './config-wrappers.js';
import { parse, ts, unwrap } from './ast.js';
import type { RepoFacts } from './context.js';
import { exportedExpression, exportedFunction, registerModuleFunctions, registerModuleValues } from './module-values.js';
import { evalString } from './url.js';

/** How the run lets the scan see other modules: read a file (null when unreadable or not worth it), resolve a specifier. */
export interface ModuleHost {
  text(path: string): string | null;
  resolve(fromFile: string, spec: string): string | null;
}

/** Modules larger than this are not read for constants (config modules are small). */
const MAX_TEXT = 256 * 1024;
/** How deep one module's constant may lead through others (`a.js` re-exporting `b.js`'s value). */
const MAX_HOPS = 4;

export function makeModuleFacts(host: ModuleHost): Pick<Required<RepoFacts>, 'moduleValue' | 'moduleFunction' | 'configWrapperOf'> {
  const parsed = new Map<string, ts.SourceFile | null>();
  let hops = 0;
  const sourceOf = (file: string): ts.SourceFile | null => {
    if (parsed.has(file)) return parsed.get(file)!;
    const text = host.text(file);
    let sf: ts.SourceFile | null = null;
    if (text !== null && text.length <= MAX_TEXT) {
      try {
        sf = parse(file, text, /\.tsx$/.test(file) ? 'tsx' : /\.(ts|mts|cts)$/.test(file) ? 'ts' : 'js');
      } catch {
        sf = null;
      }
    }
    parsed.set(file, sf);
    if (sf) {
      registerModuleValues(sf, (spec, p) => valueIn(file, spec, p));
      registerModuleFunctions(sf, (spec, p) => functionIn(file, spec, p));
    }
    return sf;
  };
  const functionIn = (fromFile: string, spec: string, p: string[]): ts.FunctionLikeDeclaration | null => {
    const target = host.resolve(fromFile, spec);
    const sf = target ? sourceOf(target) : null;
    return sf ? exportedFunction(sf, p) : null;
  };
  const valueIn = (fromFile: string, spec: string, p: string[]): string | null => {
    if (hops >= MAX_HOPS) return null;
    const target = host.resolve(fromFile, spec);
    const sf = target ? sourceOf(target) : null;
    const e = sf ? exportedExpression(sf, p) : null;
    // a number in config is an id (an app id, a portal id): the endpoint keeps its placeholder, as HubSpot writes it
    if (!e || ts.isNumericLiteral(unwrap(e))) return null;
    hops++;
    try {
      const s = evalString(e);
      return s === '{}' ? null : s;
    } finally {
      hops--;
    }
  };
  const wrappers = new Map<string, ConfigWrapper | null>();
  return {
    moduleValue: valueIn,
    moduleFunction: functionIn,
    configWrapperOf(fromFile, spec, p) {
      const target = host.resolve(fromFile, spec);
      if (!target) return null;
      const k = `${target}\0${p.join('.')}`;
      if (!wrappers.has(k)) {
        const sf = sourceOf(target);
        wrappers.set(k, sf ? configWrapperIn(sf, p) : null);
      }
      return wrappers.get(k)!;
    },
  };
}
