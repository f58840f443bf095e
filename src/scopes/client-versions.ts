// Which of the library versions read a package.json version or range stands for.

function parts(v: string): number[] {
  return v.split(/[.-]/).slice(0, 3).map((x) => (/^\d+$/.test(x) ? Number(x) : 0));
}

function compare(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * The read versions a package.json range or an installed version stands for: `8.4.1`, `~8.4.0`, `8.4.x`
 * → the 8.4 line; `^8.1.0` → 8.1 and later 8.x lines; `8`, `8.x` → the 8 line; `>=8.1` → 8.1 and later.
 * A line that was not read stands for the newest read line before it in the same major (8.7.x → 8.6).
 * Empty when the hint names no read version.
 */
export function versionsForHint(all: readonly string[], hint: string): string[] {
  const m = hint.trim().match(/^(\^|~|>=|=|v)?\s*(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/);
  if (!m) return [];
  const [, op, major, minor, patch] = m;
  const wild = (x: string | undefined) => x === undefined || x === 'x' || x === '*';
  const base = `${major}.${wild(minor) ? 0 : minor}.${wild(patch) ? 0 : patch}`;
  const sameMajor = all.filter((v) => v.split('.')[0] === major);
  if (op === '>=') return all.filter((v) => compare(v, base) >= 0);
  if (wild(minor)) return sameMajor;
  const line = (v: string) => v.split('.').slice(0, 2).join('.');
  if (op === '^') {
    const from = sameMajor.filter((v) => compare(v, base) >= 0 || line(v) === line(base));
    return from.length ? from : sameMajor.filter((v) => compare(v, base) <= 0).slice(-1);
  }
  const sameMinor = sameMajor.filter((v) => line(v) === `${major}.${minor}`);
  if (sameMinor.length) return sameMinor;
  const before = sameMajor.filter((v) => compare(v, base) <= 0).pop();
  return before ? [before] : sameMajor;
}
