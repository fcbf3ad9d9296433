import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { MockHandler } from '../testing/mockClient.js';
import { ADMIN, renderPage } from '../testing/renderPage.js';
import { UsersPage } from './UsersPage.js';

const usersData = {
  users: {
    totalCount: 2,
    edges: [
      { node: { ...ADMIN, active: true, lastLoginAt: null, createdAt: '2026-11-01T00:00:00.000Z' } },
      {
        node: {
          id: 'VXNlcjo3',
          email: 'ann@example.com',
          name: 'Ann Analyst',
          role: 'ANALYST',
          active: true,
          lastLoginAt: null,
          createdAt: '2026-11-01T00:00:00.000Z',
        },
      },
    ],
  },
};

const page = (handlers: Record<string, MockHandler>) =>
  renderPage(<UsersPage />, { route: '/users', path: '/users', handlers });

describe('UsersPage', () => {
  it('shows a skeleton while loading', () => {
    page({ Users: 'pending' });
    expect(screen.getByRole('status', { name: 'Loading users' }).getAttribute('aria-busy')).toBe('true');
  });

  it('shows a network error', async () => {
    page({ Users: { networkError: true } });
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach the Wirelens server.');
  });

  it('lists users and changes a role', async () => {
    const { calls } = page({
      Users: { data: usersData },
      SetUserRole: { data: { setUserRole: { id: 'VXNlcjo3', role: 'EDITOR' } } },
    });
    const role = await screen.findByRole('combobox', { name: 'Role of ann@example.com' });
    screen.getByText('Active (you)');
    fireEvent.change(role, { target: { value: 'EDITOR' } });
    expect(calls.find((call) => call.name === 'SetUserRole')?.variables).toEqual({
      userId: 'VXNlcjo3',
      role: 'EDITOR',
    });
  });

  it('checks the e-mail before creating a user', async () => {
    const { calls } = page({ Users: { data: usersData } });
    await screen.findByRole('table');
    fireEvent.change(screen.getByRole('textbox', { name: 'E-mail' }), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Enter a valid e-mail address.');
    expect(calls.some((call) => call.name === 'CreateUser')).toBe(false);
  });
});
