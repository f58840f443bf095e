// urijs, a URL builder whose `.query({…})` has nothing to do with superagent (issue 14 item 4).
import { str, withQuery } from '../record.js';

export function urijsStub(): any {
  const URI: any = (u: unknown) => {
    let url = str(u);
    const o: any = {
      query(q: unknown) { url = withQuery(url, q); return o; },
      addQuery(k: unknown, v: unknown) { url = withQuery(url, { [str(k)]: v }); return o; },
      toString: () => url,
      href: () => url,
      valueOf: () => url,
    };
    return o;
  };
  URI.default = URI;
  return URI;
}
