export { WebhooksPage } from './WebhooksPage.js';
