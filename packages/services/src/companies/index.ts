export { addCompanyAlias } from './add-company-alias.js';
export { createCompany, type CreateCompanyInput } from './create-company.js';
export { decideProposedCompany } from './decide-proposed-company.js';
export { mergeCompanies } from './merge-companies.js';
