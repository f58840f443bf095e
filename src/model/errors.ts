// Typed errors, each mapped to an exit code of docs/cli.md.

export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class DirtyTreeError extends UsageError {
  constructor(readonly files: string[]) {
    super(`refusing to write: ${files.length} file(s) to be changed have uncommitted changes (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}). Commit or stash them, or pass --allow-dirty.`);
    this.name = 'DirtyTreeError';
  }
}

/** A person stopped an interactive run (Ctrl-C at a prompt): nothing is written. */
export class Interrupted extends Error {
  readonly exitCode = 130;
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2, partial: 3 } as const;
