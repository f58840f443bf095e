// The top of the git work tree holding a folder (code scanning reads SARIF paths from there), or undefined.
import { execFile } from 'node:child_process';
import path from 'node:path';

export function gitTop(dir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--show-prefix'], { cwd: dir, encoding: 'utf8', windowsHide: true }, (err, stdout) => {
      if (err) return resolve(undefined);
      // the prefix ("services/api/") keeps the path as the user wrote it (no link resolved), unlike --show-toplevel
      const depth = stdout.trim().split('/').filter(Boolean).length;
      resolve(path.resolve(dir, ...Array<string>(depth).fill('..')));
    });
  });
}
