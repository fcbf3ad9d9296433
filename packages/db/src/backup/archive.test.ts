import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

import tar from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createArchiveWriter, extractArchive } from './archive.js';
import { walSegmentsBetween } from './physical-backup.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-archive-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('backup archive', () => {
  it('round-trips files, directories and content, and appears only when complete', async () => {
    const source = path.join(dir, 'data.bin');
    const data = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    await writeFile(source, data);
    const file = path.join(dir, 'backup.tar.gz');
    const writer = await createArchiveWriter(file);
    await writer.addDirectory('pg/empty');
    expect(await writer.addFile('pg/data.bin', source)).toBe(true);
    expect(await writer.addFile('pg/gone.bin', path.join(dir, 'no-such-file'))).toBe(false);
    await writer.addContent('manifest.json', '{"ok":true}');
    expect(existsSync(file)).toBe(false);
    expect(await writer.close()).toBeGreaterThan(0);

    const out = path.join(dir, 'out');
    expect(await extractArchive(file, out)).toEqual(['pg/empty', 'pg/data.bin', 'manifest.json']);
    expect((await readFile(path.join(out, 'pg/data.bin'))).equals(data)).toBe(true);
    expect(await readFile(path.join(out, 'manifest.json'), 'utf8')).toBe('{"ok":true}');
    expect(existsSync(path.join(out, 'pg/empty'))).toBe(true);
  });

  it('leaves nothing behind when a backup is abandoned', async () => {
    const file = path.join(dir, 'backup.tar.gz');
    const writer = await createArchiveWriter(file);
    await writer.addContent('a', 'b');
    await writer.abort();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('refuses an archive whose entries would escape the restore directory', async () => {
    const file = path.join(dir, 'evil.tar.gz');
    const pack = tar.pack();
    pack.entry({ name: '../outside.txt' }, 'owned');
    pack.finalize();
    await pipeline(pack, createGzip(), createWriteStream(file));
    const target = path.join(dir, 'restore');
    await mkdir(target);
    await expect(extractArchive(file, target)).rejects.toThrow(/unsafe path/);
    expect(existsSync(path.join(dir, 'outside.txt'))).toBe(false);
  });

  it('refuses a file that is not a backup', async () => {
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'just text');
    await expect(extractArchive(file, path.join(dir, 'out'))).rejects.toThrow(
      /not a readable Wirelens backup/,
    );
  });
});

describe('walSegmentsBetween', () => {
  it('lists every segment from start to stop, across a log file boundary', () => {
    expect(
      walSegmentsBetween('000000010000000000000002', '000000010000000000000002', 16 * 1024 * 1024),
    ).toEqual(['000000010000000000000002']);
    expect(
      walSegmentsBetween('0000000100000000000000FE', '000000010000000100000001', 16 * 1024 * 1024),
    ).toEqual([
      '0000000100000000000000FE',
      '0000000100000000000000FF',
      '000000010000000100000000',
      '000000010000000100000001',
    ]);
  });
});
