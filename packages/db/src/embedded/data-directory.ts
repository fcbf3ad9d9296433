import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '@wirelens/core';

function reasonOf(error: unknown, dir: string): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EROFS':
      return `${dir} is on a read-only file system`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied on ${dir}`;
    case 'ENOSPC':
      return `no space left on the device of ${dir}`;
    case 'ENOENT':
      // e.g. /proc or /sys, which exist but take no new directories
      return `${dir} does not accept new directories (a special file system?)`;
    default:
      return (error as Error).message;
  }
}

function unusable(root: string, reason: string, cause: unknown): AppError {
  return new AppError(
    'CONFIG',
    `The data directory ${root} is unusable: ${reason}. Wirelens keeps its embedded database there; set WIRELENS_DATA_DIR to a writable directory (or DATABASE_URL to your own PostgreSQL).`,
    { cause },
  );
}

/**
 * Creates the data directory (and missing parents) and checks Wirelens can write to it, naming the cause when it
 * cannot. Not `mkdir(…, { recursive: true })`: on Node 20 it loops forever, at full CPU, on a path like /proc/x
 * whose parent exists but refuses the new directory with ENOENT.
 */
export async function prepareDataDirectory(root: string): Promise<void> {
  const missing: string[] = [];
  let existing = root;
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw unusable(root, reasonOf(error, existing), error);
    });
    if (info) {
      if (!info.isDirectory()) throw unusable(root, `${existing} is not a directory`, null);
      break;
    }
    missing.unshift(existing);
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  for (const dir of missing) {
    await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw unusable(root, reasonOf(error, path.dirname(dir)), error);
    });
  }
  await access(root, constants.W_OK | constants.X_OK).catch((error: unknown) => {
    throw unusable(root, reasonOf(error, root), error);
  });
}
