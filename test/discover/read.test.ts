import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isMinified, isReadSkip, readText } from '../../src/discover/read.js';
import type { FileText } from '../../src/model/file.js';
import { rm, tmpDir, writeTree } from './tree.js';

const FIX = path.resolve(__dirname, '../../fixtures/discover/encodings');
const fx = (name: string) => path.join(FIX, name);

async function text(abs: string): Promise<FileText> {
  const r = await readText(abs);
  if (isReadSkip(r)) throw new Error(`unexpected skip: ${r.reason}`);
  return r;
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rm(dirs.pop()!);
});

describe('readText', () => {
  it('reads plain UTF-8 with LF endings, size and mtime from the handle', async () => {
    const r = await text(fx('plain.js'));
    const st = fs.statSync(fx('plain.js'));
    expect(r).toEqual({
      text: 'const url = "https://api.hubapi.com/contacts/v1/lists?hapikey=" + key;\n',
      bom: false,
      eol: '\n',
      encoding: 'utf8',
      mtimeMs: st.mtimeMs,
      size: 71,
    });
  });

  it('strips and records a UTF-8 BOM', async () => {
    const r = await text(fx('utf8-bom.js'));
    expect(r.bom).toBe(true);
    expect(r.encoding).toBe('utf8');
    expect(r.text.startsWith('const url')).toBe(true);
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.size).toBe(74);
    expect(r.lossy).toBeUndefined();
  });

  it('decodes UTF-16 LE with a BOM', async () => {
    const r = await text(fx('utf16le-bom.py'));
    expect(r).toMatchObject({ bom: true, encoding: 'utf16le', eol: '\n', text: '# Grüße\nclient = HubSpot(api_key=KEY)\n' });
    expect(r.bigEndian).toBeUndefined();
  });

  it('decodes UTF-16 BE with a BOM and records the byte order', async () => {
    const r = await text(fx('utf16be-bom.json'));
    expect(r).toMatchObject({ bom: true, encoding: 'utf16le', bigEndian: true, text: '{"hapikey": "x"}\n' });
  });

  it('reports a NUL byte in the first 8 KB as binary', async () => {
    const r = await readText(fx('binary.json'), { file: 'enc/binary.json' });
    expect(r).toEqual({ file: 'enc/binary.json', reason: 'binary', message: 'Binary file (NUL bytes), not scanned.' });
  });

  it('does not look for NUL bytes beyond the first 8 KB', async () => {
    const d = tmpDir();
    dirs.push(d);
    writeTree(d, { 'late.json': Buffer.concat([Buffer.from('a'.repeat(9000)), Buffer.from([0])]) });
    const r = await readText(path.join(d, 'late.json'));
    expect(isReadSkip(r)).toBe(false);
  });

  it('decodes invalid UTF-8 with replacement characters and marks it lossy', async () => {
    const r = await text(fx('invalid-utf8.py'));
    expect(r.lossy).toBe(true);
    expect(r.text).toBe('name = "caf\uFFFD"\nrequests.get(url, params={"hapikey": k})\n');
  });

  it('picks CRLF when CRLF line endings dominate, LF otherwise (ties go to LF)', async () => {
    expect((await text(fx('crlf.env'))).eol).toBe('\r\n');
    expect((await text(fx('lf.env'))).eol).toBe('\n');
  });

  it('skips files over the size limit without reading them', async () => {
    const r = await readText(fx('plain.js'), { maxBytes: 70, file: 'plain.js' });
    expect(isReadSkip(r)).toBe(true);
    expect(r).toMatchObject({ file: 'plain.js', reason: 'too-large' });
    const d = tmpDir();
    dirs.push(d);
    writeTree(d, { 'big.json': Buffer.alloc(2 * 1024 * 1024 + 1, 0x20) });
    expect(await readText(path.join(d, 'big.json'))).toMatchObject({ reason: 'too-large' });
  });

  it('reports a missing file or a folder as unreadable', async () => {
    expect(await readText(fx('nope.js'), { file: 'nope.js' })).toMatchObject({ file: 'nope.js', reason: 'unreadable' });
    expect(await readText(FIX)).toMatchObject({ reason: 'unreadable' });
  });
});

describe('isMinified', () => {
  it('flags a line over 5,000 characters, in any file', () => {
    expect(isMinified('a\n' + 'x'.repeat(5001) + '\nb')).toBe(true);
    expect(isMinified('a\n' + 'x'.repeat(5000) + '\nb')).toBe(false);
  });

  it('flags an average line over 300 characters in files over 20 KB only', () => {
    const line = 'y'.repeat(400) + '\n';
    expect(isMinified(line.repeat(60))).toBe(true); // 24 KB, 400/line
    expect(isMinified(line.repeat(40))).toBe(false); // 16 KB: too small to judge by average
    expect(isMinified(('z'.repeat(80) + '\n').repeat(1000))).toBe(false); // ordinary code
  });
});
