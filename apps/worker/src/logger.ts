/** Plain line logger for operators: timestamps and a level, to stderr so stdout stays for command output. */
function write(level: string, message: string): void {
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
}

export const logger = {
  info: (message: string) => write('info ', message),
  warn: (message: string) => write('warn ', message),
  error: (message: string) => write('error', message),
};
