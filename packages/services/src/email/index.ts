export { createMailer, type Mailer, type OutgoingEmail } from './mailer.js';
export { sendFiringEmail, type EmailOutcome, type SendFiringEmailOptions } from './send-firing-email.js';
export { sendDigestEmail, digestKey, type SendDigestEmailOptions } from './send-digest-email.js';
export { queueDigestEmails, type QueueDigestEmailsOptions } from './queue-digest-emails.js';
export { readUnsubscribeToken, type UnsubscribeRule } from './read-unsubscribe-token.js';
export { unsubscribeAlertEmails, type UnsubscribeAlertEmailsOptions } from './unsubscribe-alert-emails.js';
