export { findFreePort } from './find-free-port.js';
export { portInUse } from './port-in-use.js';
