// `node --import tsx hold-embedded-postgres.ts DATA_DIR`: starts the embedded PostgreSQL of DATA_DIR, prints
// "ready", and holds it until killed. Tests kill it to leave the server orphaned, as a crashed Wirelens does.
import { startEmbeddedPostgres } from '../embedded/embedded-postgres.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-embedded-postgres.ts DATA_DIR');
await startEmbeddedPostgres({ dataDir });
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
