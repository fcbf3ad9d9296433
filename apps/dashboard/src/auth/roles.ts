export type Role = 'VIEWER' | 'ANALYST' | 'EDITOR' | 'ADMIN';

// Each role includes the ones before it (schema: "Role").
const RANK: Record<Role, number> = { VIEWER: 0, ANALYST: 1, EDITOR: 2, ADMIN: 3 };

export function hasRole(actual: Role | null | undefined, needed: Role): boolean {
  return actual != null && RANK[actual] >= RANK[needed];
}

export function roleName(role: Role): string {
  return role.charAt(0) + role.slice(1).toLowerCase();
}
