import { z } from 'zod';

import { invalidInput, parseInput } from '@wirelens/core';
import {
  addCompanyAlias,
  addCompanyTicker,
  createCompany,
  decideProposedCompany,
  mergeCompanies,
  previewCompanyMerge,
  removeCompanyAlias,
  removeCompanyTicker,
  type CompanyMergePreview as MergePreview,
} from '@wirelens/services/companies';

import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Arg } from '../builder.js';
import type { Context } from '../context.js';
import { changedRow, describedEnum, rowReference, selectRowNode } from '../schema-helpers.js';
import { rowId } from '../validation.js';
import { subjectFields } from './subject-fields.js';

export const CompanyStatusEnum = describedEnum(
  'CompanyStatus',
  'Whether a company is part of the registry or only proposed by the analyzer.',
  {
    CONFIRMED: 'In the registry: matched in articles and shown in charts.',
    PROPOSED: 'Detected by the analyzer; waiting for an editor to confirm or merge it.',
    REJECTED: 'An editor decided this is not a company.',
    MERGED: 'Merged into another company.',
  },
);

export const CompanyTicker = builder.prismaObject('CompanyTicker', {
  select: {},
  description: 'A listing of a company on an exchange.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Ticker symbol, e.g. NVDA.' }),
    exchange: t.exposeString('exchange', { description: 'Exchange code, e.g. NASDAQ; empty when unknown.' }),
  }),
});

export const Company = builder.prismaNode('Company', {
  ...selectRowNode(),
  description:
    'A company tracked by Wirelens: seeded from the bundled registry, or proposed by the analyzer and confirmed by an editor.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable URL-friendly identifier, e.g. "nvidia".' }),
    name: t.exposeString('name', { description: 'The name news uses for the company.' }),
    legalName: t.exposeString('legalName', { nullable: true, description: 'Registered legal name.' }),
    status: t.expose('status', { type: CompanyStatusEnum, description: 'Registry status.' }),
    domain: t.exposeString('domain', { nullable: true, description: 'Main website domain.' }),
    sector: t.exposeString('sector', { nullable: true, description: 'Industry sector (GICS-style).' }),
    country: t.exposeString('country', {
      nullable: true,
      description: 'Headquarters country (ISO 3166-1 alpha-2).',
    }),
    prominence: t.exposeInt('prominence', {
      description: '1 = other, 2 = large and well known, 3 = mega-cap or household name.',
    }),
    description: t.exposeString('description', { nullable: true, description: 'Short description.' }),
    mergedInto: t.relation('mergedInto', {
      nullable: true,
      description: 'For MERGED companies: the company it was merged into.',
    }),
    aliases: t.field({
      type: ['String'],
      description: 'Other names the company goes by in news, besides `name`.',
      select: { name: true, aliases: { select: { alias: true }, orderBy: { alias: 'asc' } } },
      resolve: (company) => company.aliases.map((a) => a.alias).filter((alias) => alias !== company.name),
    }),
    tickers: t.relation('tickers', {
      description: 'Exchange listings.',
      query: { orderBy: { symbol: 'asc' } },
    }),
  }),
});

subjectFields('Company', {
  articles: 'Articles about this company (same filters and order as `Query.articles`).',
  sentimentSeries: "This company's sentiment series (use Query.sentimentSeries to fetch several in one go).",
});

function companyWhere(
  search: string | null | undefined,
  statuses: ('CONFIRMED' | 'PROPOSED' | 'REJECTED' | 'MERGED')[] | null | undefined,
) {
  const text = search?.trim();
  return {
    status: { in: statuses && statuses.length > 0 ? statuses : ['CONFIRMED' as const] },
    ...(text
      ? {
          OR: [
            { name: { contains: text, mode: 'insensitive' as const } },
            { aliases: { some: { alias: { contains: text, mode: 'insensitive' as const } } } },
            { tickers: { some: { symbol: text.toUpperCase() } } },
          ],
        }
      : {}),
  };
}

const searchSchema = z.object({ search: z.string().max(200, 'must be at most 200 characters').nullish() });

builder.queryFields((t) => ({
  companies: t.prismaConnection({
    type: 'Company',
    cursor: 'id',
    maxSize: MAX_PAGE_SIZE,
    defaultSize: DEFAULT_PAGE_SIZE,
    description:
      'Companies by name (confirmed ones unless `statuses` says otherwise); `search` matches the name, aliases and tickers.',
    authScopes: { viewer: true },
    args: {
      search: t.arg.string({ required: false, description: 'Case-insensitive text to look for.' }),
      statuses: t.arg({
        type: [CompanyStatusEnum],
        required: false,
        description: 'Registry statuses to include (default CONFIRMED).',
      }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.company.count({ where: companyWhere(args.search, args.statuses) }),
    resolve: (query, _parent, args, ctx) => {
      parseInput(searchSchema, args, '');
      return ctx.db.company.findMany({
        ...query,
        where: companyWhere(args.search, args.statuses),
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
    },
  }),
  company: t.prismaField({
    type: 'Company',
    nullable: true,
    description: 'One company by global ID, slug or ticker symbol (give exactly one).',
    authScopes: { viewer: true },
    args: {
      id: t.arg.globalID({ for: Company, required: false, description: 'Company global ID.' }),
      slug: t.arg.string({ required: false, description: 'Company slug.' }),
      ticker: t.arg.string({ required: false, description: 'Ticker symbol (any exchange).' }),
    },
    resolve: (query, _parent, args, ctx) => {
      const given = [args.id, args.slug, args.ticker].filter((v) => v !== null && v !== undefined);
      if (given.length !== 1)
        throw invalidInput([{ field: 'id', message: 'give exactly one of id, slug, ticker' }]);
      if (args.id) return ctx.db.company.findUnique({ ...query, where: { id: rowId(args.id) } });
      if (args.slug) return ctx.db.company.findUnique({ ...query, where: { slug: args.slug } });
      return ctx.db.company.findFirst({
        ...query,
        where: { tickers: { some: { symbol: (args.ticker ?? '').toUpperCase() } } },
        orderBy: { prominence: 'desc' },
      });
    },
  }),
}));

const TickerInput = builder.inputType('TickerInput', {
  description: 'A listing.',
  fields: (t) => ({
    symbol: t.string({ required: true, description: 'Ticker symbol.' }),
    exchange: t.string({ required: false, description: 'Exchange code.' }),
  }),
});

const CreateCompanyInput = builder.inputType('CreateCompanyInput', {
  description: 'A new registry company.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name as news uses it.' }),
    slug: t.string({ required: false, description: 'Identifier; derived from the name when absent.' }),
    legalName: t.string({ required: false, description: 'Legal name.' }),
    domain: t.string({ required: false, description: 'Website domain.' }),
    sector: t.string({ required: false, description: 'Sector.' }),
    country: t.string({ required: false, description: 'ISO 3166-1 alpha-2 country.' }),
    prominence: t.int({ required: false, description: '1–3.' }),
    aliases: t.stringList({ required: false, description: 'Other names.' }),
    tickers: t.field({ type: [TickerInput], required: false, description: 'Listings.' }),
  }),
});

const shortText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const createCompanySchema = z.object({
  name: shortText(200),
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'lower-case letters, digits and dashes (≤ 80)')
    .nullish(),
  legalName: shortText(300).nullish(),
  domain: z
    .string()
    .regex(/^[a-z0-9.-]{1,253}$/i, 'must be a domain name')
    .nullish(),
  sector: shortText(100).nullish(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
    .nullish(),
  prominence: z.number().int().min(1, 'must be 1–3').max(3, 'must be 1–3').nullish(),
  aliases: z.array(shortText(200)).max(50).nullish(),
  tickers: z
    .array(z.object({ symbol: shortText(20), exchange: z.string().max(20).nullish() }))
    .max(20)
    .nullish(),
});

/** Merging and its preview take the same pair of companies. */
const mergeArgs = (arg: Arg, descriptions: { sourceId: string; targetId: string }) => ({
  sourceId: arg.globalID({ for: Company, required: true, description: descriptions.sourceId }),
  targetId: arg.globalID({ for: Company, required: true, description: descriptions.targetId }),
});

/** Confirming and rejecting a proposed company take its ID and answer with the company. */
function decide(decision: 'CONFIRMED' | 'REJECTED') {
  return (query: object, _root: unknown, args: { id: { id: string; typename: string } }, ctx: Context) =>
    changedRow(ctx, 'Company', query, (run) =>
      decideProposedCompany({ ...run, companyId: rowId(args.id), decision }),
    );
}

builder.mutationFields((t) => ({
  createCompany: t.prismaField({
    type: 'Company',
    description: 'Add a company to the registry (editor).',
    authScopes: { editor: true },
    args: { input: t.arg({ type: CreateCompanyInput, required: true, description: 'The company.' }) },
    resolve: (query, _root, { input }, ctx) => {
      const parsed = parseInput(createCompanySchema, input, 'input');
      return changedRow(ctx, 'Company', query, (run) => createCompany({ ...run, input: parsed }));
    },
  }),
  addCompanyAlias: t.prismaField({
    type: 'Company',
    description: 'Add another name for a company (editor).',
    authScopes: { editor: true },
    args: {
      companyId: t.arg.globalID({ for: Company, required: true, description: 'Company global ID.' }),
      alias: t.arg.string({ required: true, description: 'The name.' }),
      ambiguous: t.arg.boolean({
        required: false,
        description: 'The name is also an ordinary word and needs company context to count.',
      }),
    },
    resolve: (query, _root, args, ctx) => {
      const { alias } = parseInput(z.object({ alias: shortText(200) }), args, '');
      return changedRow(ctx, 'Company', query, (run) =>
        addCompanyAlias({
          ...run,
          companyId: rowId(args.companyId),
          alias,
          ambiguous: args.ambiguous ?? false,
        }),
      );
    },
  }),
  mergeCompanies: t.prismaField({
    type: 'Company',
    description:
      'Merge one company into another (editor): articles, aliases and tickers move; series are rebuilt. Returns the target.',
    authScopes: { editor: true },
    args: mergeArgs(t.arg, {
      sourceId: 'The company that goes away (becomes MERGED).',
      targetId: 'The company that stays.',
    }),
    resolve: (query, _root, args, ctx) =>
      changedRow(ctx, 'Company', query, (run) =>
        mergeCompanies({ ...run, sourceId: rowId(args.sourceId), targetId: rowId(args.targetId) }),
      ),
  }),
  confirmCompany: t.prismaField({
    type: 'Company',
    description: 'Confirm a company the analyzer proposed (editor).',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ for: Company, required: true, description: 'Company global ID.' }) },
    resolve: decide('CONFIRMED'),
  }),
  rejectCompany: t.prismaField({
    type: 'Company',
    description: 'Reject a proposed company (editor): it is removed from articles and series.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ for: Company, required: true, description: 'Company global ID.' }) },
    resolve: decide('REJECTED'),
  }),
}));

// Editors curating the registry from the dashboard: the proposals queue by frequency, a merge preview,
// and alias and ticker edits.

builder.prismaObjectField('Company', 'articleCount', (t) =>
  t.relationCount('articles', {
    description: 'How many articles name this company (effective values: editor removals count).',
  }),
);

const CompanyMergePreviewType = builder.objectRef<MergePreview>('CompanyMergePreview').implement({
  description: 'What `mergeCompanies` with the same arguments would move; nothing is changed.',
  fields: (t) => ({
    source: rowReference(t, 'Company', 'The company that would go away.', (p) => p.sourceId),
    target: rowReference(t, 'Company', 'The company that would stay.', (p) => p.targetId),
    articlesMoving: t.exposeInt('articlesMoving', {
      description: 'Articles about the source only; they would name the target instead.',
    }),
    articlesShared: t.exposeInt('articlesShared', {
      description: "Articles about both; they keep the target's entry and lose the source's.",
    }),
    mentionsMoving: t.exposeInt('mentionsMoving', {
      description: 'How often the moving articles name the source.',
    }),
    seriesPointsMoving: t.exposeInt('seriesPointsMoving', {
      description:
        "Moving articles that count in sentiment series (scored, not rejected): the target's series gains them.",
    }),
    aliasesJoining: t.exposeStringList('aliasesJoining', {
      description: "The source's names (its own among them) that the target would gain.",
    }),
    tickersJoining: t.expose('tickersJoining', {
      type: [CompanyTicker],
      description: "The source's listings; all of them would move to the target.",
    }),
  }),
});

builder.queryFields((t) => ({
  companyProposals: t.prismaConnection({
    type: 'Company',
    cursor: 'id',
    maxSize: MAX_PAGE_SIZE,
    defaultSize: DEFAULT_PAGE_SIZE,
    description:
      'Companies the analyzer proposed, waiting for an editor (editor): the most frequent first (`articleCount`), then by name.',
    authScopes: { editor: true },
    args: { search: t.arg.string({ required: false, description: 'Case-insensitive text to look for.' }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.company.count({ where: companyWhere(args.search, ['PROPOSED']) }),
    resolve: (query, _parent, args, ctx) => {
      parseInput(searchSchema, args, '');
      return ctx.db.company.findMany({
        ...query,
        where: companyWhere(args.search, ['PROPOSED']),
        orderBy: [{ articles: { _count: 'desc' } }, { name: 'asc' }, { id: 'asc' }],
      });
    },
  }),
  companyMergePreview: t.field({
    type: CompanyMergePreviewType,
    description:
      'What merging `sourceId` into `targetId` would move (editor); refused for the same reasons as `mergeCompanies`.',
    authScopes: { editor: true },
    args: mergeArgs(t.arg, {
      sourceId: 'The company that would go away.',
      targetId: 'The company that would stay.',
    }),
    resolve: (_root, args, ctx) =>
      previewCompanyMerge({
        db: ctx.db,
        sourceId: rowId(args.sourceId),
        targetId: rowId(args.targetId),
      }),
  }),
}));

const tickerSchema = z.object({
  symbol: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]{1,20}$/, 'letters, digits, dots and dashes (≤ 20)'),
  exchange: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]{0,20}$/, 'letters, digits, dots and dashes (≤ 20)')
    .nullish(),
});

const tickerArgs = (arg: Arg) => ({
  companyId: arg.globalID({ for: Company, required: true, description: 'Company global ID.' }),
  symbol: arg.string({ required: true, description: 'Ticker symbol (stored upper-case).' }),
  exchange: arg.string({ required: false, description: 'Exchange code; empty or absent when unknown.' }),
});

/** Adding and removing a listing take the same arguments and answer with the company. */
function changeTicker(change: typeof addCompanyTicker | typeof removeCompanyTicker) {
  return (
    query: object,
    _root: unknown,
    args: { companyId: { id: string; typename: string }; symbol: string; exchange?: string | null },
    ctx: Context,
  ) => {
    const { symbol, exchange } = parseInput(tickerSchema, args, '');
    return changedRow(ctx, 'Company', query, (run) =>
      change({ ...run, companyId: rowId(args.companyId), symbol, exchange: exchange ?? '' }),
    );
  };
}

builder.mutationFields((t) => ({
  removeCompanyAlias: t.prismaField({
    type: 'Company',
    description: 'Remove another name of a company (editor); its own name always stays.',
    authScopes: { editor: true },
    args: {
      companyId: t.arg.globalID({ for: Company, required: true, description: 'Company global ID.' }),
      alias: t.arg.string({ required: true, description: 'The name.' }),
    },
    resolve: (query, _root, args, ctx) => {
      const { alias } = parseInput(z.object({ alias: shortText(200) }), args, '');
      return changedRow(ctx, 'Company', query, (run) =>
        removeCompanyAlias({ ...run, companyId: rowId(args.companyId), alias }),
      );
    },
  }),
  addCompanyTicker: t.prismaField({
    type: 'Company',
    description: 'Add a listing to a company (editor); a symbol belongs to one company per exchange.',
    authScopes: { editor: true },
    args: tickerArgs(t.arg),
    resolve: changeTicker(addCompanyTicker),
  }),
  removeCompanyTicker: t.prismaField({
    type: 'Company',
    description: 'Remove a listing from a company (editor).',
    authScopes: { editor: true },
    args: tickerArgs(t.arg),
    resolve: changeTicker(removeCompanyTicker),
  }),
}));
