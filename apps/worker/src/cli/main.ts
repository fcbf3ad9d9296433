// `pnpm wirelens <command>`: the operators' CLI.
import { Command, CommanderError } from 'commander';

import { AppError } from '@wirelens/core';

import { registerAnalyze } from './commands/analyze.js';
import { registerBackup } from './commands/backup.js';
import { registerFeed } from './commands/feed.js';
import { registerLearn } from './commands/learn.js';
import { registerMigrate } from './commands/migrate.js';
import { registerResanitize } from './commands/resanitize.js';
import { registerRetention } from './commands/retention.js';
import { registerSeed } from './commands/seed.js';
import { registerSources } from './commands/sources.js';
import { registerStart } from './commands/start.js';
import { registerUser } from './commands/user.js';

const program = new Command()
  .name('wirelens')
  .description('Wirelens operator commands')
  .showHelpAfterError()
  .exitOverride();

registerStart(program);
registerMigrate(program);
registerSeed(program);
registerUser(program);
registerFeed(program);
registerSources(program);
registerAnalyze(program);
registerResanitize(program);
registerBackup(program);
registerRetention(program);
registerLearn(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help text).
    process.exitCode = error.exitCode;
  } else {
    const message =
      error instanceof AppError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (!(error instanceof AppError) && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}
