-- Hand-written, data only: Credit Suisse becomes a company of its own in the seeded registry
-- (prisma/seed-data/companies.json), no longer an alias of UBS. The seed adds companies and aliases
-- but never removes one (an editor's aliases must survive), so a deployment seeded before this change
-- would keep "Credit Suisse" on UBS beside the new company. This moves the name: the seed that runs
-- after the migrations creates the Credit Suisse company with its own aliases.
DELETE FROM "CompanyAlias"
WHERE "normalized" = 'credit suisse'
  AND "companyId" IN (SELECT "id" FROM "Company" WHERE "slug" = 'ubs');
