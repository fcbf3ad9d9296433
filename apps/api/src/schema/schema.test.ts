import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  printSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';

import { schema } from './index.js';

describe('schema', () => {
  it('matches the committed apps/api/schema.graphql (run `pnpm --filter @wirelens/api generate`)', () => {
    const committed = readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql'),
      'utf8',
    );
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        const fields: Record<
          string,
          {
            name: string;
            description?: string | null | undefined;
            args?: readonly { name: string; description?: string | null | undefined }[];
          }
        > = type.getFields();
        for (const field of Object.values(fields)) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args ?? [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type))
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
