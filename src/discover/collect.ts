// What the two listers share: the per-path decisions (default skips, selection, classification), symlink
// resolution and the final stat, so that `git ls-files` and the walker give the same list for the same tree.
import fs from 'node:fs';
import path from 'node:path';
import type { ListedFile } from '../model/file.js';
import type { Skip } from '../model/site.js';
import { classify, isMinifiedName, type Classification } from './classify.js';
import type { Selection } from './selection.js';
import {
  DEFAULT_SKIP_DIRS,
  folderSkip,
  minifiedNameSkip,
  outsideRootSkip,
  symlinkLoopSkip,
  unreadableSkip,
} from './skips.js';

interface Candidate {
  rel: string;
  cls: Classification;
}

/** A path under a build/ or dist/ folder. */
const COMMITTED_BUILD = /(^|\/)(build|dist)\//;
const VENDORED = /(^|\/)(node_modules|vendor|bower_components)\//;

export class Collector {
  private readonly candidates: Candidate[] = [];
  /** Paths (relative) of links, resolved after the listing. */
  private readonly links: string[] = [];
  private readonly skips = new Map<string, Skip>();
  /** Verdict per folder: null = files in it may be listed; a string = the default-skipped folder it lies in, '' = pruned. */
  private readonly dirVerdict = new Map<string, string | null>();

  constructor(
    readonly rootAbs: string,
    readonly realRoot: string,
    readonly sel: Selection,
  ) {}

  skip(s: Skip): void {
    const key = s.file + '\0' + s.reason;
    if (!this.skips.has(key)) this.skips.set(key, s);
  }

  /**
   * The decision for a folder met while walking: 'enter', 'prune' (silently), or 'skip' (a default-skipped folder:
   * recorded once, not entered).
   */
  folder(dirRel: string, name: string): 'enter' | 'prune' | 'skip' {
    if (this.sel.prunes(dirRel)) return 'prune';
    const reason = DEFAULT_SKIP_DIRS.get(name);
    if (reason && !this.sel.entersSkipped(dirRel, name)) {
      if (this.sel.mayReach(dirRel)) this.skip(folderSkip(dirRel, reason));
      return 'skip';
    }
    return 'enter';
  }

  /** For a flat list (git): may files directly in `dirRel` be listed? Records the skip of a default-skipped folder. */
  private dirAllows(dirRel: string): boolean {
    if (dirRel === '') return true;
    let v = this.dirVerdict.get(dirRel);
    if (v === undefined) {
      const slash = dirRel.lastIndexOf('/');
      const parent = slash >= 0 ? dirRel.slice(0, slash) : '';
      if (!this.dirAllows(parent)) v = '';
      else {
        const d = this.folder(dirRel, dirRel.slice(slash + 1));
        v = d === 'enter' ? null : '';
      }
      this.dirVerdict.set(dirRel, v);
    }
    return v === null;
  }

  /**
   * A path from a flat listing (git): check its folders first. `kind` comes from the index mode; for untracked
   * paths (`unknown`) an lstat tells a link from a file.
   */
  pathFromList(rel: string, kind: 'file' | 'link' | 'unknown'): void {
    const slash = rel.lastIndexOf('/');
    if (slash >= 0 && !this.dirAllows(rel.slice(0, slash))) {
      if (kind === 'file') this.trackedBuildFile(rel);
      return;
    }
    if (kind === 'unknown') {
      try {
        kind = fs.lstatSync(path.join(this.rootAbs, rel)).isSymbolicLink() ? 'link' : 'file';
      } catch {
        return;
      }
    }
    if (kind === 'link') this.link(rel);
    else this.file(rel);
  }

  /** JS/TS files git tracks under a default-skipped build/ or dist/ folder (committed build output). */
  private readonly trackedBuild: string[] = [];

  private trackedBuildFile(rel: string): void {
    if (!COMMITTED_BUILD.test(rel) || VENDORED.test(rel)) return;
    const cls = classify(rel);
    if (!cls || cls.treatment !== 'code' || this.sel.isOut(rel) || !this.sel.selects(rel)) return;
    const dirs = rel.split('/').slice(0, -1);
    // not in a folder the user excluded (a default skip is not an exclusion)
    for (let i = 1; i <= dirs.length; i++) if (this.sel.prunes(dirs.slice(0, i).join('/'))) return;
    this.trackedBuild.push(rel);
  }

  /** Committed build output (see `trackedBuildFile`), stat'ed: reported, never rewritten. */
  committedBuildOutput(): ListedFile[] {
    const out: ListedFile[] = [];
    for (const rel of this.trackedBuild.sort()) {
      const abs = path.join(this.rootAbs, rel);
      const st = fs.lstatSync(abs, { throwIfNoEntry: false });
      const cls = classify(rel)!;
      if (st?.isFile()) out.push({ path: rel, abs, language: cls.language, treatment: cls.treatment, size: st.size });
    }
    return out;
  }

  /** A regular file (or, for git, a path of unknown kind) whose folders were already checked. */
  file(rel: string): void {
    const cls = this.decide(rel);
    if (cls) this.candidates.push({ rel, cls });
  }

  /** A symbolic link whose folders were already checked: resolved at the end. */
  link(rel: string): void {
    this.links.push(rel);
  }

  private decide(rel: string): Classification | null {
    const cls = classify(rel);
    if (!cls) return null;
    if (this.sel.isOut(rel) || !this.sel.selects(rel)) return null;
    if (cls.treatment === 'code' && isMinifiedName(rel) && !this.sel.includesMinified(rel)) {
      this.skip(minifiedNameSkip(rel));
      return null;
    }
    return cls;
  }

  private readonly files = new Map<string, ListedFile>();
  private statted = 0;

  /**
   * Stat the candidates collected so far (the git lister calls this while git still lists untracked files).
   * Synchronous lstat is the fastest way to stat tens of thousands of files from Node (≈3× the promise API).
   */
  statPending(): void {
    const files = this.files;
    const cands = this.candidates;
    const prefix = this.rootAbs.endsWith(path.sep) ? this.rootAbs : this.rootAbs + path.sep;
    for (let i = this.statted; i < cands.length; i++) {
      const c = cands[i];
      const abs = prefix + c.rel;
      let st: fs.Stats | undefined;
      try {
        st = fs.lstatSync(abs, { throwIfNoEntry: false });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOTDIR') this.skip(unreadableSkip(c.rel, code)); // e.g. EACCES: a tracked file in a locked folder
        continue;
      }
      if (!st) continue; // deleted since it was indexed
      if (st.isSymbolicLink()) {
        this.links.push(c.rel); // became a link since it was indexed
        continue;
      }
      if (!st.isFile()) continue; // a submodule or other non-file entry
      files.set(c.rel, { path: c.rel, abs, language: c.cls.language, treatment: c.cls.treatment, size: st.size });
    }
    this.statted = cands.length;
  }

  /**
   * Stat every candidate (dropping deleted-but-indexed ones), resolve links, and return the sorted result.
   */
  async finish(): Promise<{ files: ListedFile[]; skipped: Skip[] }> {
    this.statPending();
    const files = this.files;
    await this.resolveLinks(files);
    const list = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    // a file in a folder already reported unreadable (git: tracked files in a locked folder) needs no entry of its own
    const lockedDirs = [...this.skips.values()].filter((s) => s.reason === 'unreadable' && s.file.endsWith('/')).map((s) => s.file);
    const skipped = [...this.skips.values()]
      .filter((s) => !(s.reason === 'unreadable' && !s.file.endsWith('/') && lockedDirs.some((d) => s.file.startsWith(d))))
      .sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0,
    );
    return { files: list, skipped };
  }

  private inside(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.realRoot.endsWith(path.sep) ? this.realRoot : this.realRoot + path.sep);
  }

  private async resolveLinks(files: Map<string, ListedFile>): Promise<void> {
    if (!this.links.length) return;
    const links = [...new Set(this.links)].sort();
    const listedTargets = new Set<string>();
    for (const rel of links) {
      const abs = path.join(this.rootAbs, rel);
      // A link whose name could never be listed, and that is not a folder, does not matter.
      let real: string;
      try {
        real = await fs.promises.realpath(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') this.skip(symlinkLoopSkip(rel));
        else if (code !== 'ENOENT') this.skip(unreadableSkip(rel, code));
        continue; // ENOENT: a dangling link, nothing to read
      }
      let st: fs.Stats;
      try {
        st = await fs.promises.stat(real);
      } catch (e) {
        this.skip(unreadableSkip(rel, (e as NodeJS.ErrnoException).code));
        continue;
      }
      if (st.isDirectory()) {
        if (this.sel.prunes(rel)) continue;
        if (!this.inside(real)) {
          this.skip(outsideRootSkip(rel));
          continue;
        }
        const parentReal = path.join(this.realRoot, path.dirname(rel));
        if (real === parentReal || parentReal.startsWith(real + path.sep) || real === this.realRoot) {
          this.skip(symlinkLoopSkip(rel));
        }
        // A link to a folder inside the root is not followed: that folder is listed under its own path.
        continue;
      }
      if (!st.isFile()) continue;
      const cls = this.decide(rel);
      if (!cls) continue;
      if (!this.inside(real)) {
        this.skip(outsideRootSkip(rel));
        continue;
      }
      const targetRel = path.relative(this.realRoot, real).split(path.sep).join('/');
      if (files.has(targetRel) || listedTargets.has(targetRel)) continue;
      listedTargets.add(targetRel);
      files.set(rel, { path: rel, abs, language: cls.language, treatment: cls.treatment, size: st.size, link: true });
    }
  }
}
