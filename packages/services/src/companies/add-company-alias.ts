import { AppError } from '@wirelens/core';
import { normalizeAlias, type DbClient } from '@wirelens/db';
import { notFound, uniqueOrConflict, writeAudit, type Actor } from '@wirelens/db/repositories';

/** Another name a company goes by in news; `ambiguous` when it is also an ordinary word. */
export async function addCompanyAlias({
  db,
  actor,
  companyId,
  alias,
  ambiguous = false,
}: {
  db: DbClient;
  actor: Actor;
  companyId: number;
  alias: string;
  ambiguous?: boolean;
}): Promise<number> {
  const normalized = normalizeAlias(alias);
  if (!normalized) throw new AppError('INVALID_INPUT', 'The alias is empty', { details: { field: 'alias' } });
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } });
        if (!company) throw notFound('Company', companyId, 'companyId');
        await tx.companyAlias.create({ data: { companyId, alias: alias.trim(), normalized, ambiguous } });
        await writeAudit(tx, actor, {
          action: 'company.addAlias',
          entityType: 'Company',
          entityId: companyId,
          after: { alias, ambiguous },
        });
        return companyId;
      }),
    'alias',
    'The company already has this alias',
  );
}
