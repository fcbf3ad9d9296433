export { addCompanyAlias } from './add-company-alias.js';
export { addCompanyTicker } from './add-company-ticker.js';
export { createCompany, type CreateCompanyInput } from './create-company.js';
export { decideProposedCompany } from './decide-proposed-company.js';
export { mergeCompanies } from './merge-companies.js';
export { previewCompanyMerge, type CompanyMergePreview } from './preview-company-merge.js';
export { removeCompanyAlias } from './remove-company-alias.js';
export { removeCompanyTicker } from './remove-company-ticker.js';
