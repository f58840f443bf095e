// Masking of key literals for display. The detection lives with the scanner; the report only asks for it.
import { maskAll } from '../scan/text/secret.js';

export { maskAll };

export function maskUnless(text: string, showSecrets: boolean): string {
  return showSecrets ? text : maskAll(text);
}
