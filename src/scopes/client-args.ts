// Which argument of a library method names the object type(s) of its endpoint: facts derived from the libraries'
// published code by scripts/build-client-maps.mjs (client-args.json; every version read agrees on each index).
// `crm.contacts.associationsApi.getAll(id, 'company')` → argument 1 is `{toObjectType}`.
import raw from './client-args.json' with { type: 'json' };
import { matchedChain, type Library } from './client-maps.js';

const args = (raw as unknown as { libraries: Partial<Record<Library, { chains: Record<string, Record<string, number>> }>> }).libraries;

/** Placeholder (`{objectType}`, `{fromObjectType}`, `{toObjectType}`) → argument index, for a call's chain; empty when none. */
export function objectTypeArguments(lib: Library, chain: string): Readonly<Record<string, number>> {
  const chains = args[lib]?.chains;
  if (!chains) return {};
  const key = matchedChain(lib, chain);
  return (key !== null && chains[key]) || {};
}
