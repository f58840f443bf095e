// Nested .gitignore rules for the walking lister: one `ignore` instance per folder that has a .gitignore,
// the deepest folder whose rules match a path deciding (as git does), negations included.
import ignore, { type Ignore } from 'ignore';

interface Frame {
  /** Folder of the .gitignore, relative to the root ('' for the root). */
  base: string;
  ig: Ignore;
}

export class IgnoreStack {
  private constructor(private readonly frames: readonly Frame[]) {}

  static empty(): IgnoreStack {
    return new IgnoreStack([]);
  }

  /** A stack with the rules of `content` (a .gitignore in folder `base`) on top. */
  push(base: string, content: string): IgnoreStack {
    const ig = ignore({ allowRelativePaths: true }).add(content);
    return new IgnoreStack([...this.frames, { base, ig }]);
  }

  get size(): number {
    return this.frames.length;
  }

  /** Whether `rel` (relative to the root; a folder when `isDir`) is ignored. */
  ignores(rel: string, isDir: boolean): boolean {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      let sub = rel;
      if (f.base) {
        if (!rel.startsWith(f.base + '/')) continue;
        sub = rel.slice(f.base.length + 1);
      }
      const r = f.ig.test(isDir ? sub + '/' : sub);
      if (r.ignored) return true;
      if (r.unignored) return false;
    }
    return false;
  }
}
