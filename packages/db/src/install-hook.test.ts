import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface DryRun {
  tasks: { taskId: string; command: string }[];
}

// `pnpm wirelens …` right after `pnpm install` imports the generated Prisma client: installing must generate it.
it('pnpm install generates the Prisma client and the GraphQL schema', async () => {
  const manifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const hook = manifest.scripts.postinstall ?? '';
  const [program, ...args] = hook.split(' ');
  expect(program).toBe('turbo');
  const { stdout } = await promisify(execFile)(
    path.join(repoRoot, 'node_modules/.bin/turbo'),
    [...args, '--dry=json'],
    { cwd: repoRoot, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' }, maxBuffer: 16 * 1024 * 1024 },
  );
  const commands = new Map((JSON.parse(stdout) as DryRun).tasks.map((task) => [task.taskId, task.command]));
  expect(commands.get('@wirelens/db#generate')).toContain('prisma generate');
  expect(commands.get('@wirelens/api#generate')).toContain('generate-schema');
});
