import { JOBS } from '@wirelens/core/jobs';
import { queueDigestEmails, sendDigestEmail, sendFiringEmail } from '@wirelens/services/email';

import { defineHandler } from './define-handler.js';

export const sendFiringEmailHandler = defineHandler({
  job: JOBS.sendFiringEmail,
  concurrency: 'configured',
  async handle({ firingId }, { db, email, log }) {
    if (!email) {
      log.info(`firing ${firingId}: e-mail is off (SMTP_URL is unset), nothing sent`);
      return;
    }
    const outcome = await sendFiringEmail({ db, ...email, firingId });
    log.info(`firing ${firingId}: e-mail ${outcome}`);
  },
});

export const queueDigestEmailsHandler = defineHandler({
  job: JOBS.queueDigestEmails,
  concurrency: 'single',
  async handle(_payload, { db, jobs, email, log }) {
    if (!email) return;
    const users = await queueDigestEmails({ db, jobs, digestHour: email.config.digestHour });
    if (users.length > 0) log.info(`daily digest queued for ${users.length} user(s)`);
  },
});

export const sendDigestEmailHandler = defineHandler({
  job: JOBS.sendDigestEmail,
  concurrency: 'configured',
  async handle({ userId, periodEnd }, { db, email, log }) {
    if (!email) {
      log.info(`digest for user ${userId}: e-mail is off (SMTP_URL is unset), nothing sent`);
      return;
    }
    const outcome = await sendDigestEmail({ db, ...email, userId, periodEnd: new Date(periodEnd) });
    log.info(`digest for user ${userId} (${periodEnd}): ${outcome}`);
  },
});
