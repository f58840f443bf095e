// The part of the program the link stage looks at: files parsed on demand (only those that import a file a client
// leaves), their import specifiers, and who imports whom.
import type { Language } from '../model/site.js';
import { parse, ts } from '../scan/ast.js';
import { collectBindings, type Bindings } from '../scan/imports.js';
import { mayName, resolveModule, type PathAliases } from '../discover/module-paths.js';

/** What the run gives the link stage: the files, a way to read them, and the path aliases. */
export interface LinkHost {
  /** Every JS/TS file of the repository (repo-relative, forward slashes). */
  files: readonly string[];
  /** A file's text; null when it cannot be read or is not worth parsing (too large, minified). */
  text(path: string): string | null;
  aliases: PathAliases;
  /** The package a file belongs to: the nearest folder holding a package.json ('' for the root, or when none). */
  packageOf?(path: string): string;
}

export interface ParsedFile {
  path: string;
  sf: ts.SourceFile;
  bindings: Bindings;
}

const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

export class Program {
  private readonly exists: Set<string>;
  private readonly parsedFiles = new Map<string, ParsedFile | null>();
  private readonly importers = new Map<string, string[]>();
  /** Each readable file's import specifiers, in `host.files` order (read once, on the first importersOf). */
  private specifiers: Map<string, string[]> | null = null;
  /** Files parsed so far (the link stage's cost). */
  parsedCount = 0;

  /** `onParsed`: called with each file this program parses (the run lets its evaluations read other modules). */
  constructor(private readonly host: LinkHost, private readonly onParsed?: (path: string, sf: ts.SourceFile) => void) {
    this.exists = new Set(host.files);
  }

  resolve(fromFile: string, spec: string): string | null {
    return resolveModule(fromFile, spec, (p) => this.exists.has(p), this.host.aliases);
  }

  parsed(path: string): ParsedFile | null {
    if (this.parsedFiles.has(path)) return this.parsedFiles.get(path)!;
    const text = this.host.text(path);
    let out: ParsedFile | null = null;
    if (text !== null) {
      try {
        const sf = parse(path, text, languageOf(path));
        out = { path, sf, bindings: collectBindings(sf) };
        this.parsedCount++;
        this.onParsed?.(path, sf);
      } catch {
        out = null;
      }
    }
    this.parsedFiles.set(path, out);
    return out;
  }

  /** The repository files `file` imports or requires. */
  importsOf(file: string): string[] {
    const text = this.host.text(file);
    if (text === null) return [];
    const out = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) {
      const r = this.resolve(file, m[2]);
      if (r) out.add(r);
    }
    return [...out];
  }

  text(path: string): string | null {
    return this.host.text(path);
  }

  /** The files of the package that holds `file` (a nested package's files are its own). */
  packageFiles(file: string): string[] {
    const of = (p: string): string => this.host.packageOf?.(p) ?? '';
    const pkg = of(file);
    return this.host.files.filter((f) => of(f) === pkg);
  }

  /** Files whose imports or requires name `target`. */
  importersOf(target: string): string[] {
    const cached = this.importers.get(target);
    if (cached) return cached;
    const out: string[] = [];
    for (const [f, specs] of this.specifierIndex()) {
      if (f === target) continue;
      for (const spec of specs) {
        if (mayName(spec, target, this.host.aliases) && this.resolve(f, spec) === target) { out.push(f); break; }
      }
    }
    this.importers.set(target, out);
    return out;
  }

  /**
   * One pass over the files: their import specifiers only (the texts are not kept: a large repository's code would
   * stay in memory), so each further target costs a walk over short lists instead of every file's text.
   */
  private specifierIndex(): Map<string, string[]> {
    if (this.specifiers) return this.specifiers;
    const index = new Map<string, string[]>();
    for (const f of this.host.files) {
      const text = this.host.text(f);
      if (text === null) continue;
      const specs: string[] = [];
      for (const m of text.matchAll(SPECIFIER)) specs.push(m[2]);
      if (specs.length) index.set(f, specs);
    }
    this.specifiers = index;
    return index;
  }
}

export function languageOf(path: string): Language {
  if (/\.tsx$/.test(path)) return 'tsx';
  if (/\.(ts|mts|cts)$/.test(path)) return 'ts';
  if (/\.jsx$/.test(path)) return 'jsx';
  return 'js';
}
