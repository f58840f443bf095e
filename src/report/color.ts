// Whether to color terminal output. Decided once by the CLI and passed to the renderers, which stay pure.

/**
 * `--no-color` (flag false) → off; `NO_COLOR` non-empty → off; `FORCE_COLOR` set and not `0`/`false` → on;
 * otherwise on when stdout is a TTY. A flag of `true` (commander's default for `--no-color`) decides nothing.
 */
export function shouldColor(env: Record<string, string | undefined>, isTTY: boolean, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY;
}
