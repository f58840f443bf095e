// The HubSpot API host --verify-token talks to unless told otherwise (its own module: the CLI needs it without loading the check).
export const DEFAULT_API_BASE = 'https://api.hubapi.com';
