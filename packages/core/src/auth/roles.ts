export const ROLES = ['VIEWER', 'ANALYST', 'EDITOR', 'ADMIN'] as const;
export type RoleName = (typeof ROLES)[number];

/** Each role includes the rights of the ones before it. */
export function roleAtLeast(role: RoleName, required: RoleName): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export function parseRole(value: string): RoleName | null {
  const upper = value.trim().toUpperCase();
  return (ROLES as readonly string[]).includes(upper) ? (upper as RoleName) : null;
}
