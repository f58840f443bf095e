// WHATWG fetch (global), node-fetch and cross-fetch.
import { dummy } from '../dummy.js';
import { headersOf, str, type Recorder } from '../record.js';

export function fetchStub(rec: Recorder): (input: unknown, init?: Record<string, unknown>) => Promise<unknown> {
  return function fetch(input, init = {}) {
    const req = input instanceof Request ? { url: input.url, method: input.method, headers: input.headers } : null;
    const url = req ? str(req.url) : str(input);
    const method = str(init.method ?? req?.method ?? 'GET').toUpperCase();
    const headers = { ...headersOf(req?.headers), ...headersOf(init.headers) };
    rec.add({ client: 'fetch', method, url, headers, ...(init.body !== undefined ? { body: str(init.body) } : {}) });
    return Promise.resolve(dummy('response'));
  };
}

/** The module value of `node-fetch` / `cross-fetch`: the function, also as `default`. */
export function fetchModule(rec: Recorder): unknown {
  const f = fetchStub(rec) as unknown as Record<string, unknown>;
  f.default = f;
  f.Headers = Headers;
  return f;
}
