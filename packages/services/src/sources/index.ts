export { addSource, type AddSourceOptions } from './add-source.js';
export { deleteSource } from './delete-source.js';
export { exportOpml } from './export-opml.js';
export {
  importOpml,
  MAX_OPML_CHARS,
  MAX_OPML_FEEDS,
  type ImportOpmlOptions,
  type ImportOpmlResult,
} from './import-opml.js';
export { pollSources } from './poll-sources.js';
export { refreshSource, type RefreshSourceOptions, type RefreshSourceOutcome } from './refresh-source.js';
export { requestSourceRefresh } from './request-source-refresh.js';
export { setSourceStatus } from './set-source-status.js';
export { updateSource, type UpdateSourceOptions } from './update-source.js';
