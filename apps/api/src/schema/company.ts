import { builder, MAX_PAGE_SIZE } from '../builder.js';

export const CompanyStatusEnum = builder.enumType('CompanyStatus', {
  description: 'Whether a company is part of the registry or only proposed by the analyzer.',
  values: {
    CONFIRMED: { description: 'In the registry: matched in articles and shown in charts.' },
    PROPOSED: { description: 'Detected by the analyzer; waiting for an editor to confirm or merge it.' },
    REJECTED: { description: 'An editor decided this is not a company.' },
    MERGED: { description: 'Merged into another company.' },
  },
});

export const CompanyTicker = builder.prismaObject('CompanyTicker', {
  description: 'A listing of a company on an exchange.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Ticker symbol, e.g. NVDA.' }),
    exchange: t.exposeString('exchange', { description: 'Exchange code, e.g. NASDAQ; empty when unknown.' }),
  }),
});

export const Company = builder.prismaNode('Company', {
  description: 'A company tracked by Wirelens: seeded from the bundled registry or confirmed by an editor.',
  id: { field: 'id' },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable URL-friendly identifier, e.g. "nvidia".' }),
    name: t.exposeString('name', { description: 'The name news uses for the company.' }),
    legalName: t.exposeString('legalName', { nullable: true, description: 'Registered legal name.' }),
    status: t.expose('status', { type: CompanyStatusEnum, description: 'Registry status.' }),
    domain: t.exposeString('domain', { nullable: true, description: 'Main website domain.' }),
    sector: t.exposeString('sector', { nullable: true, description: 'Industry sector (GICS-style).' }),
    country: t.exposeString('country', { nullable: true, description: 'Headquarters country (ISO 3166-1 alpha-2).' }),
    prominence: t.exposeInt('prominence', {
      description: '1 = other, 2 = large and well known, 3 = mega-cap or household name.',
    }),
    aliases: t.field({
      type: ['String'],
      description: 'Other names the company goes by in news, besides `name`.',
      select: { aliases: { select: { alias: true }, orderBy: { alias: 'asc' } } },
      resolve: (company) => company.aliases.map((a) => a.alias).filter((alias) => alias !== company.name),
    }),
    tickers: t.relation('tickers', { description: 'Exchange listings.', query: { orderBy: { symbol: 'asc' } } }),
  }),
});

builder.queryFields((t) => ({
  companies: t.prismaConnection({
    type: 'Company',
    cursor: 'id',
    maxSize: MAX_PAGE_SIZE,
    defaultSize: 20,
    description: 'Confirmed companies, by name; `search` matches the name, aliases and tickers.',
    args: {
      search: t.arg.string({ required: false, description: 'Case-insensitive text to look for.' }),
    },
    totalCount: (_parent, args, ctx) => ctx.db.company.count({ where: companyWhere(args.search) }),
    resolve: (query, _parent, args, ctx) =>
      ctx.db.company.findMany({ ...query, where: companyWhere(args.search), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
  company: t.prismaField({
    type: 'Company',
    nullable: true,
    description: 'One company by slug or ticker symbol.',
    args: {
      slug: t.arg.string({ required: false }),
      ticker: t.arg.string({ required: false }),
    },
    resolve: (query, _parent, args, ctx) => {
      if (args.slug) return ctx.db.company.findUnique({ ...query, where: { slug: args.slug } });
      if (args.ticker) {
        return ctx.db.company.findFirst({ ...query, where: { tickers: { some: { symbol: args.ticker.toUpperCase() } } } });
      }
      return null;
    },
  }),
}));

function companyWhere(search: string | null | undefined) {
  const text = search?.trim();
  return {
    status: 'CONFIRMED' as const,
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
