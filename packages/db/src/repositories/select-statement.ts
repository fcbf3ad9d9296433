import { AppError } from '@wirelens/core';

import { utcDate } from '../client.js';
import { getDatamodel } from '../generated/pothos-types.js';
import { Prisma } from '../generated/prisma/client.js';

// A Prisma `select` (or `include`) compiled into one SQL expression that builds each row as JSON,
// for hot read paths (a feed page and its nodes' relations): the rows come back shaped as Prisma
// returns them, without Prisma's per-request query planning and nested-row mapping. Only what
// maps one to one is compiled: columns, to-one and to-many relations by foreign key, a relation's
// `orderBy` on its own columns, `take` and `skip`. Anything else (a relation `where`, a cursor,
// `_count`, `distinct`, BigInt, Decimal or Bytes columns) compiles to null, and the caller asks
// Prisma. `select-statement.test.ts` checks rows against Prisma's own for each supported shape.

interface ModelField {
  name: string;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isId: boolean;
  relationName?: string;
  relationFromFields?: readonly string[];
}

interface Model {
  fields: readonly ModelField[];
  primaryKey: { fields: readonly string[] } | null;
}

const MODELS = getDatamodel().datamodel.models as unknown as Record<string, Model>;
/** Column types whose JSON form is not what Prisma returns for them. */
const UNSUPPORTED_TYPES = new Set(['BigInt', 'Decimal', 'Bytes']);
/** `json_build_object` takes at most 100 arguments: 50 keys. */
const MAX_KEYS = 50;
/** Relation arguments this compiler understands (Pothos adds `skip: 0` to connections). */
const RELATION_ARGS = new Set(['select', 'include', 'orderBy', 'take', 'skip']);

/** Turns a value parsed from the statement's JSON into what Prisma returns for it. */
type Decode = (value: unknown) => unknown;

export interface CompiledSelect {
  /** A JSON object for the row of the model's table under the alias passed to `compileSelect`. */
  json: Prisma.Sql;
  /** Converts one such object, parsed (or as text), to Prisma's row shape, in place. */
  decode: (row: unknown) => Record<string, unknown>;
}

const ident = (name: string) => Prisma.raw(`"${name}"`);

/** A timestamp as PostgreSQL writes it in JSON ("2026-10-31T23:57:36.5", UTC, no zone) as a Date. */
const toDate = (value: unknown) => (typeof value === 'string' ? utcDate(value) : value);

/** JSON has no NaN or Infinity: PostgreSQL writes those floats as strings. */
const toFloat = (value: unknown) => (typeof value === 'string' ? Number(value) : value);

function scalarDecoder(field: ModelField): Decode | null {
  const one = field.type === 'DateTime' ? toDate : field.type === 'Float' ? toFloat : null;
  if (!one) return null;
  return field.isList ? (value) => (Array.isArray(value) ? value.map(one) : value) : one;
}

/**
 * Marks every object a compiled statement's row was decoded into (its nested rows too). The
 * property holds the object itself, so a copy (`{ ...row }` copies it) is not taken for a compiled
 * row; JSON, `Object.keys` and GraphQL never see a symbol key. A WeakSet did the same at about
 * 0.15 ms more CPU per feed page of 20 articles (some 250 objects), most of it in the collector.
 */
const COMPILED_ROW = Symbol('compiledRow');
type Marked = { [COMPILED_ROW]?: unknown };

/**
 * Whether `value` is a row (or a related row) read by a compiled select: it holds exactly what the
 * select asked for, every relation it names loaded, as Prisma would have returned it.
 */
export function isCompiledRow(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Marked)[COMPILED_ROW] === value;
}

function objectDecoder(decoders: [string, Decode][]): (value: unknown) => Record<string, unknown> {
  return (value) => {
    const row = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
    for (const [key, decode] of decoders) row[key] = decode(row[key]);
    (row as Marked)[COMPILED_ROW] = row;
    return row;
  };
}

interface Scope {
  /** Next table alias number. */
  next: number;
}

/** The columns a relation's rows are joined on: `target.column = parent.column`. */
function joinColumns(
  parentModel: string,
  field: ModelField,
): { targetColumn: string; parentColumn: string } | null {
  const target = MODELS[field.type];
  const parent = MODELS[parentModel];
  if (!target || !parent) return null;
  const idOf = (model: Model) => {
    const ids = model.fields.filter((f) => f.isId);
    return ids.length === 1 ? (ids[0] as ModelField).name : null;
  };
  const from = field.relationFromFields ?? [];
  if (from.length > 0) {
    // This side holds the foreign key; every relation in this schema references the target's id.
    const targetId = idOf(target);
    return from.length === 1 && targetId ? { targetColumn: targetId, parentColumn: from[0] as string } : null;
  }
  const back = target.fields.find(
    (f) =>
      f.kind === 'object' &&
      f.relationName === field.relationName &&
      f !== field &&
      (f.relationFromFields?.length ?? 0) > 0,
  );
  const parentId = idOf(parent);
  if (!back?.relationFromFields || back.relationFromFields.length !== 1 || !parentId) return null;
  return { targetColumn: back.relationFromFields[0] as string, parentColumn: parentId };
}

/** A relation's `orderBy` as SQL over `alias`, or null when it sorts by anything but its own columns. */
function orderTerms(model: Model, orderBy: unknown, alias: string): { sql: string; desc: boolean }[] | null {
  const entries = (Array.isArray(orderBy) ? orderBy : orderBy === undefined ? [] : [orderBy]) as unknown[];
  const terms: { sql: string; desc: boolean }[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) return null;
    for (const [name, direction] of Object.entries(entry)) {
      const field = model.fields.find((f) => f.name === name);
      if (!field || field.kind === 'object' || field.isList) return null;
      if (direction !== 'asc' && direction !== 'desc') return null;
      terms.push({ sql: `${alias}."${name}"`, desc: direction === 'desc' });
    }
  }
  if (terms.length > 0) return terms;
  // No order asked for: Prisma gives none either; the primary key keeps pages stable.
  const keys = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
  return keys.map((name) => ({ sql: `${alias}."${name}"`, desc: false }));
}

/** A relation's value for one parent row: a correlated subquery producing JSON (or null). */
function relationSql(
  scope: Scope,
  parentModel: string,
  parentAlias: string,
  field: ModelField,
  args: unknown,
): { sql: Prisma.Sql; decode: Decode } | null {
  const join = joinColumns(parentModel, field);
  const target = MODELS[field.type];
  if (!join || !target) return null;
  const query = args === true ? {} : args;
  if (typeof query !== 'object' || query === null) return null;
  if (Object.keys(query).some((key) => !RELATION_ARGS.has(key))) return null;
  const { select, include, orderBy, take, skip } = query as Record<string, unknown>;
  const alias = `t${scope.next++}`;
  const inner = compileObject(scope, field.type, alias, { select, include });
  if (!inner) return null;
  const from = Prisma.sql`FROM ${ident(field.type)} ${Prisma.raw(alias)} WHERE ${Prisma.raw(alias)}.${ident(join.targetColumn)} = ${Prisma.raw(parentAlias)}.${ident(join.parentColumn)}`;
  if (!field.isList) {
    if (orderBy !== undefined || take !== undefined || skip !== undefined) return null;
    return {
      sql: Prisma.sql`(SELECT ${inner.json} ${from} LIMIT 1)`,
      decode: (value) => (value === null || value === undefined ? null : inner.decode(value)),
    };
  }
  const isCount = (value: unknown) =>
    value === undefined || (Number.isInteger(value) && (value as number) >= 0);
  if (!isCount(take) || !isCount(skip)) return null;
  const terms = orderTerms(target, orderBy, alias);
  if (!terms) return null;
  const keys = terms.map((term, i) => Prisma.raw(`${term.sql} AS "o${i}"`));
  const sortBy = (prefix: string) =>
    Prisma.raw(
      terms.map((t, i) => `${prefix ? `${prefix}."o${i}"` : t.sql} ${t.desc ? 'DESC' : 'ASC'}`).join(', '),
    );
  // Checked integers, written in place: a statement without parameters goes over PostgreSQL's
  // simple query protocol, one message instead of five (0.07 ms a statement here).
  const limit = take === undefined ? Prisma.empty : Prisma.raw(` LIMIT ${take as number}`);
  const offset = skip ? Prisma.raw(` OFFSET ${skip as number}`) : Prisma.empty;
  const rows =
    terms.length > 0
      ? Prisma.sql`SELECT ${inner.json} AS "j", ${Prisma.join(keys)} ${from} ORDER BY ${sortBy('')}${limit}${offset}`
      : Prisma.sql`SELECT ${inner.json} AS "j" ${from}${limit}${offset}`;
  const aggregate =
    terms.length > 0 ? Prisma.sql`json_agg(r."j" ORDER BY ${sortBy('r')})` : Prisma.sql`json_agg(r."j")`;
  return {
    sql: Prisma.sql`(SELECT coalesce(${aggregate}, '[]'::json) FROM (${rows}) r)`,
    decode: (value) => (Array.isArray(value) ? value.map(inner.decode) : []),
  };
}

function compileObject(
  scope: Scope,
  modelName: string,
  alias: string,
  query: { select?: unknown; include?: unknown },
): CompiledSelect | null {
  const model = MODELS[modelName];
  if (!model) return null;
  const { select, include } = query;
  if (select !== undefined && include !== undefined) return null;
  let wanted: [string, unknown][];
  if (select !== undefined) {
    if (typeof select !== 'object' || select === null) return null;
    wanted = Object.entries(select);
  } else {
    // No select: every column, and the relations `include` names.
    if (include !== undefined && (typeof include !== 'object' || include === null)) return null;
    const columns = model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
    wanted = [...columns.map((f): [string, unknown] => [f.name, true]), ...Object.entries(include ?? {})];
  }
  const pairs: Prisma.Sql[] = [];
  const decoders: [string, Decode][] = [];
  for (const [name, value] of wanted) {
    if (value === false || value === undefined) continue;
    const field = model.fields.find((f) => f.name === name);
    if (!field) return null;
    if (field.kind === 'object') {
      const relation = relationSql(scope, modelName, alias, field, value);
      if (!relation) return null;
      pairs.push(Prisma.sql`'${Prisma.raw(name)}', ${relation.sql}`);
      decoders.push([name, relation.decode]);
      continue;
    }
    if (
      value !== true ||
      (field.kind !== 'scalar' && field.kind !== 'enum') ||
      UNSUPPORTED_TYPES.has(field.type)
    ) {
      return null;
    }
    pairs.push(Prisma.sql`'${Prisma.raw(name)}', ${Prisma.raw(alias)}.${ident(name)}`);
    const decode = scalarDecoder(field);
    if (decode) decoders.push([name, decode]);
  }
  if (pairs.length > MAX_KEYS) return null;
  return {
    json:
      pairs.length > 0
        ? Prisma.sql`json_build_object(${Prisma.join(pairs)})`
        : Prisma.sql`json_build_object()`,
    decode: objectDecoder(decoders),
  };
}

/**
 * Compiles `query` (`{ select }` or `{ include }`, as for `findMany`) over `model` rows aliased
 * `alias`, or null when it asks for anything this compiler does not map one to one.
 */
export function compileSelect(
  model: string,
  query: { select?: unknown; include?: unknown },
  alias: string,
): CompiledSelect | null {
  if (!/^[a-z]\w*$/.test(alias)) throw new AppError('INTERNAL', `compileSelect: invalid alias ${alias}`);
  return compileObject({ next: 0 }, model, alias, query);
}
