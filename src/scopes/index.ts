// The scopes stage: which OAuth / private-app / service-key scopes each HubSpot call needs, whether it
// keeps a developer API key, its lifecycle, and which token to create.
export type { ScopeMatch, TokenAdvice } from './types.js';
export type { TokenInput } from './token.js';
export type { Library, LibraryCallOptions, LibraryEndpoint } from './client-maps.js';
export type { LibraryCall } from './client-family.js';
export { normalisePath } from './normalise.js';
export { isDeveloperKeyEndpoint } from './developer-key.js';
export { scopesFor } from './match.js';
export { lifecycleFor } from './lifecycle.js';
export { unionScopes } from './union.js';
export { recommendToken, appHsmeta } from './token.js';
export { libraryEndpoints, chainVersions, isRequestPassthrough, libraryInfo, libraryVersionHint } from './client-maps.js';
export { libraryCall } from './client-family.js';
export { objectTypeArguments } from './client-args.js';
export { bodyTypeKeys } from './body-types.js';
export { canonicalObjectType } from './object-types.js';
export { readProbePaths, refusalProbePaths, scopesCovering, isWriteOnlyScope } from './read-probes.js';
