export { optionalPostgresUrl, postgresUrl } from './env-schemas.js';
export { parseEnv } from './parse-env.js';
