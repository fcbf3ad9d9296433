import { renderAlertEmail, type EmailFiring } from '@wirelens/core/alerts';
import { signUnsubscribeToken, type EmailConfig } from '@wirelens/core/email';
import type { DbClient } from '@wirelens/db';

import { deliverOnce } from './deliver-once.js';
import type { Mailer } from './mailer.js';

export interface MailFiringsOptions {
  db: DbClient;
  mailer: Mailer;
  config: EmailConfig;
  /** The delivery key: one message per key, ever (deliverOnce). */
  key: string;
  user: { id: number; email: string };
  firings: readonly (EmailFiring & { id: number })[];
  digest?: { start: Date; end: Date };
}

/** The same Message-ID for every attempt at one delivery key. */
export function messageIdFor(key: string, publicUrl: string): string {
  return `<wirelens.${key.replace(/[^A-Za-z0-9.-]/g, '.')}@${new URL(publicUrl).hostname}>`;
}

/**
 * Renders the firings as one message and sends it once, with the RFC 8058 one-click unsubscribe
 * headers (mail clients POST `List-Unsubscribe=One-Click` to the URL) for every rule in it.
 */
export async function mailFirings({
  db,
  mailer,
  config,
  key,
  user,
  firings,
  digest,
}: MailFiringsOptions): Promise<'sent' | 'already-sent'> {
  const rendered = renderAlertEmail({
    firings,
    digest: digest ?? null,
    publicUrl: config.publicUrl,
    tokenFor: (ruleIds) => signUnsubscribeToken(ruleIds, config.secret),
  });
  return deliverOnce({
    db,
    key,
    userId: user.id,
    firingIds: firings.map((firing) => firing.id),
    recipient: user.email,
    send: () =>
      mailer.send({
        to: user.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers: {
          'List-Unsubscribe': `<${rendered.oneClickUnsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
        messageId: messageIdFor(key, config.publicUrl),
      }),
  });
}
