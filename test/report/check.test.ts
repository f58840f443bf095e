import { describe, expect, it } from 'vitest';
import { renderCheckLine } from '../../src/report/check.js';
import { makeReport, SITES } from './fixture.js';

describe('renderCheckLine', () => {
  it('counts auto and manual uses and their files', () => {
    expect(renderCheckLine(makeReport({ mode: 'check' }))).toBe('migrate-hapikey: 7 account-key uses remain (5 auto, 2 manual) in 5 files');
  });

  it('says so when nothing is left', () => {
    const sites = SITES.filter((s) => s.status === 'developer-key' || s.status === 'ignored');
    expect(renderCheckLine(makeReport({ sites }))).toBe('migrate-hapikey: no account-key use found');
    expect(renderCheckLine(makeReport({ sites: [] }))).toBe('migrate-hapikey: no account-key use found');
  });

  it('uses the singular for one use in one file', () => {
    const one = SITES.filter((s) => s.id === 's-e0c8b6a401');
    expect(renderCheckLine(makeReport({ sites: one }))).toBe('migrate-hapikey: 1 account-key use remains (0 auto, 1 manual) in 1 file');
  });

  it('does not count sites this run rewrote', () => {
    const sites = SITES.map((s) => (s.status === 'auto' ? { ...s, applied: true } : s));
    expect(renderCheckLine(makeReport({ sites }))).toBe('migrate-hapikey: 2 account-key uses remain (0 auto, 2 manual) in 2 files');
  });
});
