import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickTest } from '../../src/run/read-candidate.js';
import type { ListedFile } from '../../src/model/file.js';

function listed(rel: string, text: string): ListedFile {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-quick-'));
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return { path: rel, abs, language: 'js', treatment: 'code', size: text.length };
}

const AUTH_DATA = "const bundle = { authData: { apiKey: 'demo' } };\n";

describe('quickTest: which files are read and scanned', () => {
  it.each([
    ['src/hubspot.js', "fetch('https://api.hubapi.com/x?hapikey=' + k);\n", true],
    ['src/other.js', 'export const x = 1;\n', false],
    // a key format check need not mention HubSpot
    ['src/validate.js', 'const API_KEY_REGEX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;\n', true],
    // a Zapier test setting the key in authData: only test files are searched for it
    ['test/contacts.js', AUTH_DATA, true],
    ['src/__tests__/contacts.js', AUTH_DATA, true],
    ['src/contacts.test.js', AUTH_DATA, true],
    ['src/contacts.spec.ts', AUTH_DATA, true],
    ['src/contacts.js', AUTH_DATA, false],
  ])('%s → %s', (rel, text, pass) => {
    expect(quickTest(listed(rel as string, text as string))).toEqual({ pass });
  });
});
