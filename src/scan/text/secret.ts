// Key literals in text: find them, mask them, fingerprint them. Shared by every stage that shows text to a person.
import { createHash } from 'node:crypto';
import type { Secret } from '../../model/site.js';

export interface KeyLiteral {
  /** Offsets of the literal in the searched text: [start, end). */
  start: number;
  end: number;
  value: string;
  kind: Secret['kind'];
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Private-app tokens: `pat-na1-<uuid>`, `pat-eu1-<uuid>`, … */
const PAT_RE = new RegExp(`(?<![A-Za-z0-9])pat-[a-z]{2}\\d*-${UUID}(?![0-9a-fA-F])`, 'g');
const UUID_ONLY = new RegExp(`^${UUID}$`);
/** A bare UUID, not part of a longer hex/dash run (and so not the tail of a pat- token). */
const UUID_RE = new RegExp(`(?<![0-9a-zA-Z-])${UUID}(?![0-9a-zA-Z-])`, 'g');
/**
 * What makes a UUID a key rather than a form GUID: one of these within the literal's line or the two lines either
 * side (so a `const key = '…'` whose use is on the next line is still masked).
 */
const KEY_CONTEXT = /hapi_?key|api[_-]?key|hubspot|hubapi|(?<![a-z0-9])hs_|(?<![a-z])(?:key|token|secret|apikey)(?![a-z])/i;
const CONTEXT_LINES = 2;
const WINDOW_CHARS = 400;

function lineWindow(text: string, start: number, end: number, lines: number): string {
  let a = start;
  for (let k = 0; k <= lines && a > 0; k++) {
    const p = text.lastIndexOf('\n', a - 1);
    a = p < 0 ? 0 : p;
  }
  let b = end;
  for (let k = 0; k <= lines && b < text.length; k++) {
    const p = text.indexOf('\n', b + 1);
    b = p < 0 ? text.length : p;
  }
  // never more than a few hundred characters either side (a minified file is one long line)
  return text.slice(Math.max(a, start - WINDOW_CHARS), Math.min(b, end + WINDOW_CHARS));
}

/**
 * Every key literal in `text`: private-app tokens (always), and UUIDs with a key context nearby (hapikey, apiKey,
 * hubspot, HS_…, key/token/secret) — legacy API keys are UUIDs. Sorted by position.
 */
export function findKeyLiterals(text: string): KeyLiteral[] {
  const out: KeyLiteral[] = [];
  if (text.indexOf('-') < 0) return out;
  for (const m of text.matchAll(PAT_RE)) {
    out.push({ start: m.index!, end: m.index! + m[0].length, value: m[0], kind: 'private-app-token' });
  }
  for (const m of text.matchAll(UUID_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!KEY_CONTEXT.test(lineWindow(text, start, end, CONTEXT_LINES))) continue;
    out.push({ start, end, value: m[0], kind: 'legacy-api-key' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The masked form of a key: `****-…-9f3c` for a UUID key, `pat-na1-****-…-9f3c` for a private-app token (the
 * region stays visible), `****…9f3c` for anything else longer than 8 characters, `****` otherwise.
 */
export function maskSecret(value: string): string {
  const v = value.trim();
  const last4 = v.slice(-4);
  const pat = /^(pat-[a-z]{2}\d*-)/i.exec(v);
  if (pat) return `${pat[1]}****-…-${last4}`;
  if (UUID_ONLY.test(v)) return `****-…-${last4}`;
  if (v.length > 8) return `****…${last4}`;
  return '****';
}

/** sha256 hex of the literal, so the same key can be recognised across files and runs without showing it. */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value.trim()).digest('hex');
}

/** The Secret record for a literal. */
export function secretOf(lit: Pick<KeyLiteral, 'value' | 'kind'>): Secret {
  return { kind: lit.kind, masked: maskSecret(lit.value), fingerprint: fingerprint(lit.value) };
}

/** `text` with every key literal (see findKeyLiterals) replaced by its mask. */
export function maskAll(text: string): string {
  const lits = findKeyLiterals(text);
  if (!lits.length) return text;
  let out = '';
  let at = 0;
  for (const l of lits) {
    if (l.start < at) continue;
    out += text.slice(at, l.start) + maskSecret(l.value);
    at = l.end;
  }
  return out + text.slice(at);
}
