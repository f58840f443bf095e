// One sentence per site that says what happens or what a person must do.
import type { Site } from '../model/site.js';

const REASONS: Record<string, string> = {
  'commented-out': 'Commented-out code mentions hapikey; nothing is sent. Delete it, and rotate any key it shows.',
  'config-declaration': 'This declares where the key comes from; after the migration it must hold the access token (rename it only with --rename-env).',
  'key-format-check': 'This checks that the key is a UUID, which rejects access tokens (pat-…): remove the check or accept tokens.',
  'library-internal': 'This repository is a HubSpot client library: its own key handling is left alone.',
  'developer-key-endpoint': 'This endpoint configures an app with a developer API key, which HubSpot still accepts: left alone.',
  'developer-key-name': 'The key is named as a developer API key, which HubSpot still accepts: left alone.',
  'developer-api-key-option': 'developerApiKey is a developer API key, still valid for app settings: left alone.',
  'not-hubspot': 'The request goes to a host that is not HubSpot: left alone.',
  'dual-mode': 'The client already takes an access token; only the legacy apiKey branch remains: remove it when the token is in place.',
  'param-name-case': 'The parameter is not spelled `hapikey`, so HubSpot probably never read it: check what the call needs and send a Bearer token.',
  'setting-name': 'A setting named like the key: make it hold the access token and send it as a Bearer header.',
  'key-is-object': 'The key value is an object, which looks like a bug: fix the value, then send it as a Bearer header.',
  'key-in-body': 'The key is sent in the request body, not the query, so it never authenticated the call: remove it and send a Bearer header.',
  'shared-params-object': 'The key sits in a shared params object: remove it there and add an Authorization header to every call that uses the object.',
  'params-helper-shared': 'The key\'s params object reaches its calls inside a function that may also run with other params (it is exported, passed around, a method, or called with another object): a header added there could reach those calls too. Remove the key from the object and pass the Authorization header to its calls by hand.',
  'unknown-shape': 'The key is used in a shape the tool does not rewrite: remove it and send `Authorization: Bearer <token>` on the calls it fed.',
  'unrecognised-url': 'The URL is built in a way the tool does not rewrite: remove hapikey from it and send a Bearer header.',
  'test-mock': 'A test mock expects the key in the query: after the rewrite, match the Authorization header instead (nock: .matchHeader(\'authorization\', /^Bearer /)).',
  'request-not-found': 'The tool could not find the HTTP call this key feeds: remove the key and add `Authorization: Bearer <token>` to that call by hand.',
  'key-escapes': 'The URL or options holding the key also leave this function or file: remove the key and add the Bearer header at every call that uses them.',
  'browser-code': 'This runs in the browser, where any token is public: move the call to a server-side proxy (rerun with --rewrite-browser to rewrite anyway).',
  'parse-error': 'The file does not parse near this key, so it is not rewritten: fix the syntax or migrate by hand.',
  'dynamic-query-after-key': 'More query text is appended at run time right after the key: remove hapikey and fix the query by hand.',
  'complex-concatenation': 'The URL concatenation is too intricate to edit safely: remove hapikey from it by hand and send a Bearer header.',
  'mixed-quotes': 'The URL pieces mix quote styles around the key: remove hapikey by hand and send a Bearer header.',
  'no-separator': 'The hapikey parameter has no ?/& before it that the tool can see: remove it by hand.',
  'client-options-shared': 'The client options holding the key are also read elsewhere (the object is used for more than the client, or a function returning it may be called from other files): renaming the option to accessToken could break those uses. Check them, then send the token as accessToken by hand.',
  'wrapper-shared': 'The header would go into a function that other calls use too, and not all of them go to HubSpot (or they cannot all be seen): add the Bearer header at the HubSpot calls by hand, so the token reaches no other host.',
  'options-not-literal': 'The call\'s options are not an object literal, so the header cannot be merged safely: add `headers: { Authorization: … }` by hand.',
  'headers-not-literal': 'The call\'s headers are not an object literal: add the Authorization header by hand.',
  'headers-not-plain-object': 'The call\'s headers come from a value the tool cannot tell is a plain object (a Headers instance or a Map would lose every header when spread): add the Authorization header by hand.',
  'authorization-header-exists': 'The call already sends an Authorization header: check which credential it should use.',
  'spread-config-headers': 'The shared config is spread into options that set (or spread) their own headers: one would replace the other and the token could be lost. Add the Authorization header to those headers by hand.',
  'options-spread-headers': 'The call\'s options spread another object that may carry headers, which the new header would replace (or be replaced by): add the Authorization header by hand.',
  'helper-default-headers': 'The options go to a request helper that sets headers of its own, which a new headers object would drop, and the tool cannot copy them: add the Authorization header to the options by hand, keeping the helper\'s headers.',
  'token-out-of-scope': 'The call that sends this URL is in another function, where the expression holding the key means something else (or nothing): pass the token to that call by hand.',
  'unauthenticated-endpoint': 'This key is sent to a HubSpot endpoint that takes no credential (public form submission or tracking): remove the hapikey parameter by hand and add no Authorization header.',
  'mixed-credentials': 'This key reaches developer-key endpoints (app settings: a developer API key, still valid) and account endpoints (which need an access token): give each kind of call its own credential by hand. Both lists of calls are in the report.',
  'setter-receiver-unknown': 'setApiKey is called on an object the tool cannot trace to a HubSpot client: if it is one (@hubspot/api-client), call setAccessToken with an access token instead; if it is another SDK, leave it.',
  'unknown-client': 'The call is made with a client the tool cannot identify from its import, so it cannot tell where the header goes: remove hapikey and send `Authorization: Bearer <token>` by hand.',
  'client-without-headers': 'This client form has no place for headers the tool can edit: add the Authorization header by hand.',
  'options-position': 'The call\'s arguments do not leave room for an options object: add the Authorization header by hand.',
  'set-not-a-statement': 'searchParams.set(\'hapikey\', …) is part of a larger expression: remove it by hand.',
  'interceptor-shape': 'The interceptor is built in a shape the tool does not rewrite: set an Authorization header in it instead.',
  'rewrite-would-break-syntax': 'The planned rewrite would not parse, so nothing was changed here: migrate by hand.',
  'overlapping-edits': 'This site\'s rewrite overlaps another one in the same code: migrate by hand.',
  'conflicting-tokens': 'Two different keys feed the same call: decide which token it needs and add the header by hand.',
  'other-language': 'Key use outside JS/TS: migrate by hand.',
  'symbolic-link': 'This file is a symbolic link, which is never written through: migrate the file it points to.',
  'key-constant-still-used': 'The key literal sits in a constant that other code still uses, so rewriting this use would leave the key in the file: migrate the other uses, remove the constant, and send a Bearer header here.',
  'key-constant-shared-line': 'The key literal sits in a constant whose line holds other code or a comment, so it is not removed automatically: remove the declaration by hand and send a Bearer header here.',
  'committed-build-output': 'Committed build output still sends the key: migrate the source, then rebuild and commit this file again (or stop tracking build output).',
  'env-read': 'Reads the key\'s variable from the environment: after the migration it must hold the access token (Service Key, project app or OAuth), in every environment that sets it.',
  'key-option-schema': 'This option is declared to take the HubSpot API key: make it take an access token (rename it, e.g. accessToken, and update its description and every config that sets it).',
  'key-config-option': 'This config option passes the HubSpot API key: put an access token there, and update every environment or config that sets it.',
  'zapier-api-key-field': 'This Zapier app asks its users for a HubSpot API key, which HubSpot no longer accepts: switch its authentication to OAuth2, or ask for an access token and send it as an Authorization: Bearer header (beforeRequest middleware).',
  'test-key-option': 'A test builds an object with apiKey (an expected client option or a fake credential): where the code now passes accessToken, change the test with it, or it will fail.',
  'test-sets-key': 'A test sets the API key in authData: when the app\'s authentication changes, set the token it now reads instead (e.g. authData.access_token).',
  'invalid-utf8': 'The file is not valid UTF-8, so rewriting it could lose bytes: migrate it by hand (or convert it to UTF-8 and run again).',
};

export function messageFor(site: Site, detail?: string): string {
  const hard = site.flags?.includes('hard-coded-key') ? ' The key is hard-coded: rotate it, it is in your git history.' : '';
  const browser = site.flags?.includes('browser-code') && site.reason !== 'browser-code' ? ' This code runs in the browser: the token will be public.' : '';
  const placeholder = site.flags?.includes('placeholder-key') ? ' The key was a placeholder (empty, or a dummy such as demo), not a real key: put a real token where the code now reads it.' : '';
  if (site.status === 'auto') {
    const token = site.token?.origin === 'env-default'
      ? `the token is read from ${site.token.expression}`
      : site.token ? `${site.token.expression} must now hold the access token` : 'the token comes from the same place as the key did';
    if (site.category === 'P32_TEST_FIXTURE') return 'Updates the test mock to expect the Authorization: Bearer header instead of the key in the query.';
    const what = site.pattern === 'client-option' ? 'Renames the key option to accessToken' : site.pattern === 'shared-config' || site.pattern === 'interceptor' ? 'Replaces the shared key with an Authorization header' : 'Removes hapikey and sends an Authorization: Bearer header';
    return `${what}; ${token}.${hard}${placeholder}${browser}`;
  }
  const base = REASONS[site.reason] ?? REASONS[detail ?? ''] ?? 'Migrate this key use by hand.';
  return base + hard + placeholder + browser;
}
