// Prints the GraphQL schema to apps/api/schema.graphql (committed; review its diff like code).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { printSchema } from 'graphql';

import { schema } from '../src/schema/index.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');
writeFileSync(target, `${printSchema(schema)}\n`);
process.stdout.write(`wrote ${target}\n`);
