// nock: nock(base).get(path).query(q).matchHeader(name, value).reply(…): each interceptor is recorded as a mock request.
import { headersOf, isRegExp, str, withQuery, type HeaderValue, type Recorder } from '../record.js';

export function nockStub(rec: Recorder): any {
  function scope(base: unknown, opts: Record<string, any> = {}): any {
    const s: any = {};
    for (const m of ['get', 'post', 'put', 'patch', 'delete', 'head', 'intercept']) {
      s[m] = (path: unknown, maybeMethod?: unknown) => {
        const method = m === 'intercept' ? str(maybeMethod) : m;
        let url = str(base).replace(/\/$/, '') + str(path);
        const headers: Record<string, HeaderValue> = { ...headersOf(opts.reqheaders) };
        const i: any = {
          query(q: unknown) { if (q !== true && typeof q !== 'function') url = withQuery(url, q); return i; },
          matchHeader(k: unknown, v: unknown) { headers[str(k).toLowerCase()] = isRegExp(v) ? v : str(v); return i; },
          times() { return i; },
          once() { return i; },
          delay() { return i; },
          reply() { rec.add({ client: 'nock', method: method.toUpperCase(), url, headers, mock: true }); return s; },
          replyWithError() { return i.reply(); },
        };
        return i;
      };
    }
    s.persist = () => s;
    s.matchHeader = (k: unknown, v: unknown) => { opts.reqheaders = { ...(opts.reqheaders ?? {}), [str(k)]: v }; return s; };
    s.done = () => undefined;
    s.isDone = () => true;
    return s;
  }
  const nock: any = scope;
  nock.cleanAll = () => undefined;
  nock.disableNetConnect = () => undefined;
  nock.enableNetConnect = () => undefined;
  return nock;
}
