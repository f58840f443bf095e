import { describe, expect, it } from 'vitest';
import { messageFor } from '../../src/scan/messages.js';
import { MSG } from '../../src/scan/text/messages.js';
import type { Site } from '../../src/model/site.js';

// Legacy private apps can no longer be created: no message may send a user to make a "private-app" token.
describe('wording: an access token (Service Key, project app or OAuth), never a private-app token', () => {
  const texts: string[] = [];
  for (const [name, fn] of Object.entries(MSG)) {
    const f = fn as (...a: string[]) => string;
    texts.push(`${name}: ${f('python', 'HUBSPOT_KEY')}`, `${name}: ${f('js', 'config.hubspot.key')}`);
  }
  it.each(texts)('%s', (text) => {
    expect(text).not.toMatch(/private[- ]app (access )?token/i);
  });

  it('messages of code sites too', () => {
    const site = { status: 'manual', reason: 'unknown-shape', flags: [] } as unknown as Site;
    expect(messageFor(site)).not.toMatch(/private[- ]app/i);
  });
});
