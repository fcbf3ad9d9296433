// pino is a logging library, not an I/O framework: core may depend on it so both apps log one way.
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';

export type { Logger };
export type LogLevel = LevelWithSilent;

export interface CreateLoggerOptions {
  /** Which process wrote the line (`api`, `worker`). */
  name: string;
  level?: LogLevel;
  /** Human-readable lines instead of JSON; default: when the lines go to a terminal. */
  pretty?: boolean;
  /** Where lines go; default stderr, so stdout stays free for command output. */
  destination?: DestinationStream;
}

/** JSON lines for log shippers, or pretty lines for a person at a terminal. */
export function createLogger({
  name,
  level = 'info',
  destination,
  pretty = destination === undefined && process.stderr.isTTY,
}: CreateLoggerOptions): Logger {
  // Synchronous writes: a process that exits right after logging (a failed start, a CLI command) loses nothing.
  const stream = pretty
    ? pinoPretty({
        destination: destination ?? 2,
        sync: true,
        colorize: destination === undefined && process.stderr.isTTY,
        ignore: 'pid,hostname',
        translateTime: 'SYS:HH:MM:ss.l',
      })
    : (destination ?? pino.destination({ dest: 2, sync: true }));
  return pino({ name, level }, stream);
}
