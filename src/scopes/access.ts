// Read or write: which half of a read/write scope pair a call needs.
// Source: hubspot-facts.md §2 ("read = GET (plus POST /search, /batch/read), write = POST/PUT/PATCH/DELETE")
// and §2.3 (companies v2: "POST /companies/v2/domains/{domain}/companies (search by domain) is a read").
import type { HttpMethod } from '../model/site.js';
import type { Access } from './types.js';

const READ_POST = [/\/search$/, /\/batch\/read$/, /^\/companies\/v2\/domains\/[^/]+\/companies$/];

export function accessOf(method: HttpMethod, normalisedPath: string): Access {
  if (method === 'GET') return 'read';
  if (method === 'POST' && READ_POST.some((re) => re.test(normalisedPath))) return 'read';
  return 'write';
}
