// A site whose key was a placeholder says so in its message: the rewrite reads a real token, never the placeholder.
import { describe, expect, it } from 'vitest';
import { messageFor } from '../../src/scan/messages.js';
import type { Site } from '../../src/model/site.js';

describe('messages of placeholder keys', () => {
  it('an auto site with an empty placeholder key says a real token must be set', () => {
    const site = { status: 'auto', reason: '', pattern: 'client-option', flags: ['placeholder-key'], token: { expression: 'process.env.HUBSPOT_ACCESS_TOKEN', origin: 'env-default' } } as unknown as Site;
    expect(messageFor(site)).toBe('Renames the key option to accessToken; the token is read from process.env.HUBSPOT_ACCESS_TOKEN. The key was a placeholder (empty, or a dummy such as demo), not a real key: put a real token where the code now reads it.');
  });

  it('a site without the flag does not mention it', () => {
    const site = { status: 'auto', reason: '', pattern: 'client-option', flags: [], token: { expression: 'KEY', origin: 'key-expression' } } as unknown as Site;
    expect(messageFor(site)).not.toMatch(/placeholder/);
  });
});
