import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const dbPaths = {
  packageRoot,
  schema: path.join(packageRoot, 'prisma', 'schema.prisma'),
  migrations: path.join(packageRoot, 'prisma', 'migrations'),
  seedData: path.join(packageRoot, 'prisma', 'seed-data'),
};
