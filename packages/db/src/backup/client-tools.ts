import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { AppError } from '@wirelens/core';

const run = promisify(execFile);

export type ClientToolName = 'pg_dump' | 'pg_restore';

export interface ClientTool {
  path: string;
  /** e.g. "15.20" */
  version: string;
  major: number;
}

/** Where distributions install versioned client programs beside the one on PATH. */
const VERSIONED_DIRECTORIES: { parent: string; bin: (entry: string) => string }[] = [
  { parent: '/usr/lib/postgresql', bin: (entry) => path.join('/usr/lib/postgresql', entry, 'bin') }, // Debian, Ubuntu
  { parent: '/usr', bin: (entry) => (entry.startsWith('pgsql-') ? path.join('/usr', entry, 'bin') : '') }, // Red Hat
  {
    parent: '/opt/homebrew/opt',
    bin: (entry) => (entry.startsWith('postgresql@') ? path.join('/opt/homebrew/opt', entry, 'bin') : ''),
  }, // macOS
];

async function versionOf(command: string): Promise<ClientTool | null> {
  try {
    const { stdout } = await run(command, ['--version'], { timeout: 10_000 });
    const match = /\(PostgreSQL\)\s+(\d+)(\.\d+)?/.exec(stdout);
    if (!match?.[1]) return null;
    return { path: command, version: `${match[1]}${match[2] ?? ''}`, major: Number(match[1]) };
  } catch {
    return null;
  }
}

/** Every installed copy of `name` that runs, newest first. */
export async function findClientTools(name: ClientToolName): Promise<ClientTool[]> {
  const candidates: string[] = [name];
  for (const { parent, bin } of VERSIONED_DIRECTORIES) {
    const entries = await readdir(parent).catch(() => []);
    for (const entry of entries) if (bin(entry)) candidates.push(path.join(bin(entry), name));
  }
  const tools = (await Promise.all(candidates.map(versionOf))).filter((tool) => tool !== null);
  return tools.sort((a, b) => b.major - a.major);
}

/**
 * The newest `name` whose major version is at least `minMajor`; otherwise a CONFIG error that
 * starts with `reason` and names what was found and what to install.
 */
export async function requireClientTool({
  name,
  minMajor,
  reason,
}: {
  name: ClientToolName;
  minMajor: number;
  reason: string;
}): Promise<ClientTool> {
  const tools = await findClientTools(name);
  const fitting = tools.find((tool) => tool.major >= minMajor);
  if (fitting) return fitting;
  const newest = tools[0];
  const found = newest
    ? `The newest ${name} here is ${newest.version} (${newest.path}).`
    : `No ${name} was found (on PATH or in /usr/lib/postgresql/*/bin).`;
  throw new AppError(
    'CONFIG',
    `${reason} ${found} Install the PostgreSQL ${minMajor} client programs (Debian/Ubuntu: postgresql-client-${minMajor} from the PostgreSQL apt repository; Red Hat: postgresql${minMajor}; macOS: brew install postgresql@${minMajor}) so that ${name} ${minMajor} or newer is on PATH, and run the command again.`,
    { details: { tool: name, found: newest?.version ?? null, needed: minMajor } },
  );
}
