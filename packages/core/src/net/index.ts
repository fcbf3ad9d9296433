export { findFreePort } from './find-free-port.js';
