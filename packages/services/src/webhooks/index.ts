export { createWebhookEndpoint, type CreateWebhookEndpointOptions } from './create-webhook-endpoint.js';
export { deleteWebhookEndpoint } from './delete-webhook-endpoint.js';
export {
  deliverWebhook,
  deliverWebhooks,
  MAX_WEBHOOK_ATTEMPTS,
  WEBHOOK_USER_AGENT,
  type DeliverWebhookOptions,
  type DeliverWebhookOutcome,
} from './deliver-webhook.js';
export { MAX_WEBHOOK_ENDPOINTS_PER_USER } from './owned-webhook-endpoint.js';
export { pauseWebhookEndpoint } from './pause-webhook-endpoint.js';
export { postWebhook, type PostWebhookOptions, type PostWebhookResult } from './post-webhook.js';
export { queueFiringDeliveries } from './queue-firing-deliveries.js';
export { MAX_RESENT_ON_RESUME, RESEND_WINDOW_MS } from './queue-held-deliveries.js';
export { resumeWebhookEndpoint, type ResumeWebhookEndpointOptions } from './resume-webhook-endpoint.js';
export { rotateWebhookSecret } from './rotate-webhook-secret.js';
export { sendTestWebhook } from './send-test-webhook.js';
export { updateWebhookEndpoint, type UpdateWebhookEndpointOptions } from './update-webhook-endpoint.js';
export type { WebhookConfig } from './webhook-config.js';
