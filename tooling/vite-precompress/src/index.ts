export { precompress, precompressDirectory, type PrecompressOptions } from './precompress.js';
