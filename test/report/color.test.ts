import { describe, expect, it } from 'vitest';
import { shouldColor } from '../../src/report/color.js';

describe('shouldColor', () => {
  const cases: [string, Record<string, string | undefined>, boolean, boolean | undefined, boolean][] = [
    ['TTY, nothing set', {}, true, undefined, true],
    ['pipe, nothing set', {}, false, undefined, false],
    ['--no-color on a TTY', {}, true, false, false],
    ['--no-color beats FORCE_COLOR', { FORCE_COLOR: '1' }, true, false, false],
    ['commander default true decides nothing', {}, false, true, false],
    ['NO_COLOR on a TTY', { NO_COLOR: '1' }, true, undefined, false],
    ['NO_COLOR beats FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, true, undefined, false],
    ['empty NO_COLOR is not set', { NO_COLOR: '' }, true, undefined, true],
    ['FORCE_COLOR on a pipe', { FORCE_COLOR: '1' }, false, undefined, true],
    ['FORCE_COLOR=3', { FORCE_COLOR: '3' }, false, undefined, true],
    ['empty FORCE_COLOR forces', { FORCE_COLOR: '' }, false, undefined, true],
    ['FORCE_COLOR=0 turns off', { FORCE_COLOR: '0' }, true, undefined, false],
    ['FORCE_COLOR=false turns off', { FORCE_COLOR: 'false' }, true, undefined, false],
    ['undefined values are not set', { NO_COLOR: undefined, FORCE_COLOR: undefined }, true, undefined, true],
  ];
  it.each(cases)('%s', (_name, env, isTTY, flag, expected) => {
    expect(shouldColor(env, isTTY, flag)).toBe(expected);
  });
});
