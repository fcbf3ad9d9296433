import { createTransport } from 'nodemailer';

/** One message as the alert use cases hand it to the mailer. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra header fields (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: Record<string, string>;
  /** Stable per delivery, so a receiver can drop a copy sent again after a crash between send and commit. */
  messageId: string;
}

/** Sends through SMTP; rejects when the server is unreachable or refuses the message. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * A mailer over SMTP_URL (smtp:// upgrades with STARTTLS when the server offers it, smtps:// is TLS
 * from the start). Short timeouts: a job holds its delivery row locked while it talks to the server.
 */
export function createMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  const transport = createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email) {
      const info = await transport.sendMail({ from, ...email });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
