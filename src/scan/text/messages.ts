// The one-sentence messages of text sites. None of them ever quotes a matched value: only names.
import type { Language } from '../../model/site.js';

export const LANG_LABEL: Partial<Record<Language, string>> = {
  python: 'Python', php: 'PHP', ruby: 'Ruby', go: 'Go', java: 'Java', csharp: 'C#', shell: 'Shell',
  json: 'JSON', yaml: 'YAML', env: 'Env file', toml: 'TOML', js: 'JavaScript', jsx: 'JavaScript', ts: 'TypeScript', tsx: 'TypeScript',
  vue: 'Vue', svelte: 'Svelte',
};

const label = (l: Language) => LANG_LABEL[l] ?? 'This file';

export const MSG = {
  queryString: (l: Language) =>
    `${label(l)}: this request sends the key as the hapikey query parameter; remove it and send an access token (Service Key, project app or OAuth) in an 'Authorization: Bearer' header instead.`,
  keyWord: (l: Language) =>
    `${label(l)}: this code passes a HubSpot API key (hapikey); switch it to an access token (Service Key, project app or OAuth) sent as an 'Authorization: Bearer' header.`,
  pyHubSpot: () =>
    "Python: pass access_token= instead of api_key= to HubSpot(...) and send the token as a Bearer header; the Python client's api_key now means the developer key.",
  pyClientCreate: () =>
    "Python: call hubspot.Client.create(access_token=...) with an access token instead of api_key=...; the Python client's api_key now means the developer key.",
  pyApiKey: () =>
    "Python: this api_key holds HubSpot's legacy API key: pass an access token as access_token= (sent as a Bearer header) instead; the Python client's api_key now means the developer key.",
  phpFactory: () =>
    'PHP: create the client with Factory::createWithAccessToken(...) and an access token instead of passing an API key to Factory::createWithApiKey(...) or Factory::create(...).',
  phpConfig: () =>
    'PHP: this config entry holds the HubSpot API key: store an access token (Service Key, project app or OAuth) instead and create the client with Factory::createWithAccessToken(...).',
  rubyApiKey: () =>
    "Ruby: set config.access_token to an access token instead of config.api_key['hapikey']; the token is then sent as a Bearer header.",
  rubyAuthNames: () =>
    "Ruby: this generated client call authenticates with 'hapikey'; use a client version or setting that sends an access token as a Bearer header (auth_names 'oauth2').",
  rubyOption: () => 'Ruby: configure the HubSpot client with an access token (Service Key, project app or OAuth) (access_token:) instead of hapikey:.',
  goApiKey: () =>
    "Go: authenticate the HubSpot client with an access token sent as 'Authorization: Bearer' (the client's access-token option) instead of an API key option.",
  shellQuery: () =>
    'Shell: remove hapikey from this command\'s URL and add -H "Authorization: Bearer $HUBSPOT_ACCESS_TOKEN" with an access token instead.',
  shellWord: () =>
    'Shell: this command passes a HubSpot API key (hapikey); send an access token with -H "Authorization: Bearer …" instead.',
  envDecl: (name: string) =>
    `Declares ${name}, which held the HubSpot API key: put an access token in it (Service Key, project app or OAuth; sent as a Bearer header), and consider renaming it, e.g. --rename-env ${name}=HUBSPOT_ACCESS_TOKEN.`,
  envHoldsToken: (name: string) => `${name} already holds an access token (pat-…): nothing to migrate here.`,
  configKey: (path: string) =>
    `Config entry ${path} holds a HubSpot API key: store an access token (Service Key, project app or OAuth) there instead and have the code send it as an 'Authorization: Bearer' header.`,
  configUrl: () =>
    "This configured URL carries the key as the hapikey query parameter: drop the parameter and send an access token (Service Key, project app or OAuth) in an 'Authorization: Bearer' header.",
  configWord: () =>
    'This config mentions the HubSpot API key (hapikey): replace it with an access token (Service Key, project app or OAuth) sent as a Bearer header.',
  serverlessSecret: (name: string) =>
    `serverless.json lists the secret ${name} for the HubSpot API key: store an access token (Service Key, project app or OAuth) in it (hs secrets update ${name}) and send it as a Bearer header from the function.`,
  envMap: (name: string) =>
    `The env entry ${name} carries the HubSpot API key: point it at a secret that holds an access token (Service Key, project app or OAuth) instead.`,
  postmanQuery: () =>
    'Postman: remove the hapikey query parameter from this request and use Authorization → Bearer Token with an access token (Service Key, project app or OAuth).',
  postmanVariable: () =>
    'Postman: this collection variable holds the HubSpot API key: replace it with an access token (Service Key, project app or OAuth) used as a Bearer token.',
  codeMinified: () => 'Minified or generated code uses the key (hapikey): migrate its source and rebuild it.',
  codeUnparsed: () =>
    "This code could not be analysed: migrate this hapikey use by hand (send an access token as an 'Authorization: Bearer' header).",
  devKeyEndpoint: () =>
    'Developer API key endpoint: developer keys were not sunset, so this hapikey use is left alone.',
  devKeyName: () =>
    'Looks like a developer API key (by its name): developer keys were not sunset, so it is left alone; check that it really is one.',
  commented: () =>
    'Commented-out key use: left unchanged (if it holds a real key, delete it from the file and rotate the key).',
};
