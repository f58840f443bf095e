// jQuery: $.ajax(url|settings[, settings]), $.get / $.post / $.getJSON; GET data goes into the query, as jQuery does.
import { dummy } from '../dummy.js';
import { headersOf, str, withQuery, type Recorder } from '../record.js';

type Settings = Record<string, any>;

export function jqueryStub(rec: Recorder): any {
  function ajax(a: unknown, b?: Settings): any {
    const s: Settings = typeof a === 'string' ? { ...(b ?? {}), url: a } : { ...(a as Settings) };
    const method = str(s.method ?? s.type ?? 'GET').toUpperCase();
    const headers: Record<string, unknown> = { ...headersOf(s.headers) };
    if (typeof s.beforeSend === 'function') s.beforeSend({ setRequestHeader: (k: unknown, v: unknown) => { headers[str(k).toLowerCase()] = v; } }, s);
    let url = str(s.url);
    let body: string | undefined;
    if (s.data !== undefined) {
      if (method === 'GET' || method === 'HEAD') url = withQuery(url, s.data);
      else body = typeof s.data === 'string' ? s.data : JSON.stringify(s.data);
    }
    rec.add({ client: 'jquery', method, url, headers: headersOf(headers), ...(body !== undefined ? { body } : {}) });
    const p: any = Promise.resolve(dummy('data'));
    const jq: any = { done: () => jq, fail: () => jq, always: () => jq, then: p.then.bind(p), catch: p.catch.bind(p) };
    return jq;
  }
  const shorthand = (type: string) => (url: unknown, data?: unknown, success?: unknown) =>
    ajax({ url, type, ...(data !== undefined && typeof data !== 'function' ? { data } : {}), success });
  const $: any = (x: unknown) => dummy(`$(${str(x)})`);
  $.ajax = ajax;
  $.get = shorthand('GET');
  $.getJSON = shorthand('GET');
  $.post = shorthand('POST');
  return $;
}
