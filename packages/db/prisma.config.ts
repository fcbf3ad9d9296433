import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // `env()` would make `prisma generate` fail when DATABASE_URL is unset (ENVIRONMENT.md).
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
