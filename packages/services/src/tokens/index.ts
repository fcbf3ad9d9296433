export { createApiToken } from './create-api-token.js';
export { revokeApiToken } from './revoke-api-token.js';
