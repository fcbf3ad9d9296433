import type { DbClient } from '@wirelens/db';

export interface DeliverOnceOptions {
  db: DbClient;
  /** `firing:<id>` or `digest:<user id>:<period end>`: one message per key, ever. */
  key: string;
  userId: number;
  firingIds: number[];
  recipient: string;
  send: () => Promise<{ messageId: string }>;
}

/**
 * Sends at most once per key. The delivery row is inserted (or found) and locked in one transaction
 * that stays open while the message goes out: a second worker with the same job waits for the lock
 * and then sees `sentAt`; a failed send rolls back, so the retry sends. Only a crash between the
 * server accepting the message and the commit can repeat it (the stable Message-ID lets receivers
 * drop that copy).
 */
export async function deliverOnce({
  db,
  key,
  userId,
  firingIds,
  recipient,
  send,
}: DeliverOnceOptions): Promise<'sent' | 'already-sent'> {
  return db.$transaction(
    async (tx) => {
      await tx.emailDelivery.createMany({
        data: [{ key, userId, firingIds, recipient }],
        skipDuplicates: true,
      });
      const [row] = await tx.$queryRaw<{ sentAt: Date | null }[]>`
        SELECT "sentAt" FROM "EmailDelivery" WHERE key = ${key} FOR UPDATE`;
      if (row?.sentAt) return 'already-sent';
      const { messageId } = await send();
      await tx.emailDelivery.update({
        where: { key },
        data: { sentAt: new Date(), messageId, recipient, firingIds },
      });
      return 'sent';
    },
    // Above the mailer's own timeouts, so a slow server fails the send, not the transaction.
    { timeout: 90_000, maxWait: 30_000 },
  );
}
