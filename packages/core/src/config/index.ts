export { parseEnv } from './parse-env.js';
