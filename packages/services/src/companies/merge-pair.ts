import { AppError } from '@wirelens/core';
import type { Company } from '@wirelens/db';
import { notFound, type Tx } from '@wirelens/db/repositories';

/**
 * The two companies of a merge, refused the same way whether the editor previews the merge or runs it:
 * a company into itself, an already merged source, or a merged or rejected target.
 */
export async function loadMergePair(
  tx: Tx,
  sourceId: number,
  targetId: number,
): Promise<{ source: Company; target: Company }> {
  if (sourceId === targetId)
    throw new AppError('INVALID_INPUT', 'A company cannot be merged into itself', {
      details: { field: 'targetId' },
    });
  const [source, target] = await Promise.all([
    tx.company.findUnique({ where: { id: sourceId } }),
    tx.company.findUnique({ where: { id: targetId } }),
  ]);
  if (!source) throw notFound('Company', sourceId, 'sourceId');
  if (!target) throw notFound('Company', targetId, 'targetId');
  if (source.status === 'MERGED')
    throw new AppError('CONFLICT', 'The company is already merged', { details: { field: 'sourceId' } });
  if (target.status === 'MERGED' || target.status === 'REJECTED') {
    throw new AppError('INVALID_INPUT', 'Cannot merge into a merged or rejected company', {
      details: { field: 'targetId' },
    });
  }
  return { source, target };
}
