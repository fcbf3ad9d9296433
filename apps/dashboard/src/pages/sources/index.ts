export { SourcesPage } from './SourcesPage.js';
