import { spawn } from 'node:child_process';
import path from 'node:path';

import { AppError } from '@wirelens/core';

export interface RunProgramOptions {
  /** The child's whole environment; default: ours. */
  env?: NodeJS.ProcessEnv;
  /** Run as this user (we are root and the program must not be). */
  user?: { uid: number; gid: number } | null;
}

/** Runs a program to completion; a non-zero exit is an error carrying the end of its output. */
export function runProgram(
  command: string,
  args: string[],
  { env, user }: RunProgramOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(user ?? {}), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new AppError(
            'CONFIG',
            `${path.basename(command)} failed (exit ${code}): ${output.trim().slice(-2000)}`,
          ),
        );
    });
  });
}
