import type { DbClient } from '@wirelens/db';

export interface Viewer {
  id: number;
  email: string;
  role: 'VIEWER' | 'ANALYST' | 'EDITOR' | 'ADMIN';
}

export interface Context {
  db: DbClient;
  viewer: Viewer | null;
  requestId: string;
}
