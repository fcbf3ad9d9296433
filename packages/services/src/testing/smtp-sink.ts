import type { AddressInfo } from 'node:net';

import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a loopback port that keeps every message it accepts, parsed. */
export interface SmtpSink {
  /** smtp://127.0.0.1:<port> (plain: no STARTTLS offered, no auth). */
  url: string;
  messages: ParsedMail[];
  /** While true, messages are refused with a temporary failure (451), as a struggling server would. */
  refusing: boolean;
  close(): Promise<void>;
}

export async function startSmtpSink({ port = 0 }: { port?: number } = {}): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    messages: [],
    refusing: false,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (sink.refusing) {
            callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
            return;
          }
          sink.messages.push(parsed);
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
