/**
 * The backup file: one gzip-compressed tar archive, written to `<file>.partial` and renamed when
 * complete, so a failed or interrupted backup never leaves a file that looks like a backup.
 *
 * Built on `tar-stream` rather than `tar`: files of a running cluster shrink and vanish while they
 * are read, and we must write exactly the size we announced in the entry's header (`tar` fails on a
 * file that shrinks while it is read).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

import tar from 'tar-stream';

import { AppError } from '@wirelens/core';

const CHUNK_BYTES = 1024 * 1024;

export interface ArchiveWriter {
  /**
   * Adds a file as it is on disk now. A file that shrinks while it is read is padded with zeros
   * to the size it had when opened. Returns false when the file no longer exists.
   */
  addFile(name: string, source: string): Promise<boolean>;
  addDirectory(name: string): Promise<void>;
  addContent(name: string, content: string | Buffer): Promise<void>;
  /** Ends the archive and gives it its final name; returns its size in bytes. */
  close(): Promise<number>;
  /** Removes what was written so far. */
  abort(): Promise<void>;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

type Sink = ReturnType<tar.Pack['entry']>;

function waitForDrain(sink: Sink): Promise<void> {
  return new Promise((resolve) => sink.once('drain', () => resolve()));
}

export async function createArchiveWriter(file: string): Promise<ArchiveWriter> {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  await mkdir(path.dirname(target), { recursive: true });
  const pack = tar.pack();
  const output = createWriteStream(partial, { mode: 0o600 });
  const written = pipeline(pack, createGzip({ level: 6 }), output);
  // Observed in close(); without a handler here an early failure would be an unhandled rejection.
  written.catch(() => undefined);

  function writeEntry(
    header: Parameters<tar.Pack['entry']>[0],
    body: (sink: Sink) => Promise<void>,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const sink = pack.entry(header, (error) => (error ? reject(error) : resolve()));
      body(sink).then(
        // streamx's end() takes an optional last chunk; its types make it required.
        () => sink.end(undefined),
        (error: unknown) => {
          sink.destroy(error instanceof Error ? error : new Error(String(error)));
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  return {
    async addFile(name, source) {
      const handle = await open(source, 'r').catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (!handle) return false;
      try {
        const info = await handle.stat();
        await writeEntry(
          { name, type: 'file', size: info.size, mode: info.mode & 0o7777, mtime: info.mtime },
          async (sink) => {
            for (let position = 0; position < info.size; position += CHUNK_BYTES) {
              const length = Math.min(CHUNK_BYTES, info.size - position);
              // Zero-filled, so a short read (the file was truncated meanwhile) pads the rest.
              const buffer = Buffer.alloc(length);
              await handle.read(buffer, 0, length, position);
              if (!sink.write(buffer)) await waitForDrain(sink);
            }
          },
        );
        return true;
      } finally {
        await handle.close();
      }
    },

    async addDirectory(name) {
      await writeEntry({ name, type: 'directory', mode: 0o700 }, () => Promise.resolve());
    },

    async addContent(name, content) {
      const data = typeof content === 'string' ? Buffer.from(content) : content;
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name, type: 'file', size: data.length, mode: 0o600 }, data, (error) =>
          error ? reject(error) : resolve(),
        ),
      );
    },

    async close() {
      pack.finalize();
      await written;
      await rename(partial, target);
      return (await stat(target)).size;
    },

    async abort() {
      pack.destroy();
      await written.catch(() => undefined);
      // The pipeline settles as soon as it is torn down, while the file may still be opening: removed
      // before the open completes, it would be created again. Remove it once the stream has closed.
      if (!output.closed) await new Promise<void>((resolve) => output.once('close', () => resolve()));
      await rm(partial, { force: true });
    },
  };
}

/** The entry's path inside `targetDir`, or an error for names that would escape it. */
function entryPath(targetDir: string, name: string): string {
  const normalized = path.posix.normalize(name.replaceAll('\\', '/'));
  if (normalized.startsWith('/') || normalized === '..' || normalized.startsWith('../')) {
    throw new AppError(
      'INVALID_INPUT',
      `The backup contains an unsafe path (${name}); refusing to restore it.`,
    );
  }
  return path.join(targetDir, normalized);
}

/** Unpacks a backup into `targetDir` (files 0600, directories 0700); returns the names it wrote. */
export async function extractArchive(file: string, targetDir: string): Promise<string[]> {
  const extract = tar.extract();
  const reading = pipeline(createReadStream(file), createGunzip(), extract);
  reading.catch(() => undefined);
  const names: string[] = [];
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      const destination = entryPath(targetDir, name);
      if (type === 'directory') {
        await mkdir(destination, { recursive: true, mode: 0o700 });
        entry.resume();
      } else if (type === 'file') {
        await mkdir(path.dirname(destination), { recursive: true, mode: 0o700 });
        await pipeline(entry, createWriteStream(destination, { mode: (entry.header.mode ?? 0o600) & 0o700 }));
      } else {
        throw new AppError(
          'INVALID_INPUT',
          `The backup contains an unexpected ${type ?? 'entry'} (${name}).`,
        );
      }
      names.push(name);
    }
  } catch (error) {
    extract.destroy();
    if (error instanceof AppError) throw error;
    throw new AppError(
      'INVALID_INPUT',
      `${file} is not a readable Wirelens backup: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  await reading;
  return names;
}
