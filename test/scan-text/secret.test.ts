import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findKeyLiterals, fingerprint, maskAll, maskSecret } from '../../src/scan/text/secret.js';

const KEY = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const KEY_UPPER = 'ABCDEF01-2345-4678-9ABC-DEF012345678';
const PAT = 'pat-eu1-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const FORM_GUID = '5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f';

describe('maskSecret / fingerprint', () => {
  it('masks UUID keys, private-app tokens and other values', () => {
    expect(maskSecret(KEY)).toBe('****-…-3c4d');
    expect(maskSecret(KEY_UPPER)).toBe('****-…-5678');
    expect(maskSecret(PAT)).toBe('pat-eu1-****-…-eeee');
    expect(maskSecret('  ' + KEY + ' ')).toBe('****-…-3c4d');
    expect(maskSecret('abcdefghijkl')).toBe('****…ijkl');
    expect(maskSecret('demo')).toBe('****');
  });

  it('fingerprints with sha256 hex of the literal', () => {
    expect(fingerprint(KEY)).toBe(createHash('sha256').update(KEY).digest('hex'));
  });
});

describe('findKeyLiterals', () => {
  it('finds UUIDs in a key context and private-app tokens anywhere', () => {
    const text = [
      `const HUBSPOT_KEY = '${KEY}';`,
      `fetch(url + '?hapikey=${KEY_UPPER}');`,
      `const token = '${PAT}';`,
    ].join('\n');
    const lits = findKeyLiterals(text);
    expect(lits.map((l) => [l.value, l.kind])).toEqual([
      [KEY, 'legacy-api-key'],
      [KEY_UPPER, 'legacy-api-key'],
      [PAT, 'private-app-token'],
    ]);
    for (const l of lits) expect(text.slice(l.start, l.end)).toBe(l.value);
  });

  it('leaves UUIDs with no key context (form GUIDs, ids) alone', () => {
    const text = ['// form submission', '', '', '', `const formGuid = '${FORM_GUID}';`, `submit(portalId, formGuid);`].join('\n');
    expect(findKeyLiterals(text)).toEqual([]);
  });

  it('looks two lines around for the context', () => {
    const text = `const k = '${KEY}';\nconst opts = {};\nfetch(\`https://api.hubapi.com/x?hapikey=\${k}\`);`;
    expect(findKeyLiterals(text).map((l) => l.value)).toEqual([KEY]);
    const far = `const k = '${KEY}';\n\n\n\nfetch(\`https://api.hubapi.com/x?hapikey=\${k}\`);`;
    expect(findKeyLiterals(far)).toEqual([]);
  });

  it('does not report the UUID inside a pat- token twice, nor a longer hex run', () => {
    expect(findKeyLiterals(`apiKey: '${PAT}'`).map((l) => l.kind)).toEqual(['private-app-token']);
    expect(findKeyLiterals(`apiKey: '${KEY}-ffff'`)).toEqual([]);
  });
});

describe('maskAll', () => {
  it('replaces every key literal and keeps the rest', () => {
    const text = `-const hubspotKey = '${KEY}';\n+const token = '${PAT}';\nformGuid ${FORM_GUID}`;
    const masked = maskAll(text);
    // the form GUID sits within two lines of `token`, so it is masked too: masking errs on the safe side
    expect(masked).toBe(`-const hubspotKey = '****-…-3c4d';\n+const token = 'pat-eu1-****-…-eeee';\nformGuid ****-…-7e8f`);
    expect(masked).not.toContain(KEY);
    expect(masked).not.toContain(PAT);
  });

  it('returns text without literals unchanged', () => {
    expect(maskAll('no keys here')).toBe('no keys here');
  });
});
