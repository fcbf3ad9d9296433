import { AppError } from '@wirelens/core';

/** Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/** Runs `work`, turning a unique violation into a CONFLICT on `field`. */
export async function uniqueOrConflict<T>(
  work: () => Promise<T>,
  field: string,
  message: string,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', message, { details: { field } });
    throw error;
  }
}

export function notFound(entity: string, id: number | string, field = 'id'): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { details: { field } });
}
