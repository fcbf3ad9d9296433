import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const workerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `wirelens <args>` as its own process with only the given environment (and PATH); `via` is a command that
 * runs it (e.g. in a namespace), given the node command line as its last arguments.
 */
export function runCli(
  args: string[],
  { env = {}, input = '', via = [] }: { env?: Record<string, string>; input?: string; via?: string[] } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const command = [...via, process.execPath, '--import', 'tsx', 'src/cli/main.ts', ...args];
    const child = spawn(command[0] ?? process.execPath, command.slice(1), {
      cwd: workerRoot,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}
