import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { MockHandler } from '../testing/mockClient.js';
import { ADMIN, itShowsLoadingAndFailure, renderPage } from '../testing/renderPage.js';
import { UsersPage } from './UsersPage.js';

const usersData = {
  users: {
    totalCount: 2,
    edges: [
      {
        node: {
          ...ADMIN,
          active: true,
          lastLoginAt: null,
          createdAt: '2026-11-01T00:00:00.000Z',
          lockedUntil: null,
        },
      },
      {
        node: {
          id: 'VXNlcjo3',
          email: 'ann@example.com',
          name: 'Ann Analyst',
          role: 'ANALYST',
          active: true,
          lastLoginAt: null,
          createdAt: '2026-11-01T00:00:00.000Z',
          lockedUntil: '2030-01-01T10:00:00.000Z',
          mustChangePassword: false,
        },
      },
      {
        node: {
          id: 'VXNlcjo4',
          email: 'old@example.com',
          name: null,
          role: 'VIEWER',
          active: false,
          lastLoginAt: null,
          createdAt: '2026-11-01T00:00:00.000Z',
          lockedUntil: null,
          mustChangePassword: false,
        },
      },
    ],
  },
};

const page = (handlers: Record<string, MockHandler>) =>
  renderPage(<UsersPage />, { route: '/users', path: '/users', handlers });

describe('UsersPage', () => {
  itShowsLoadingAndFailure(page, 'Users', { loading: 'Loading users', retry: false });

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

  it('resets a password and shows it once with a copy button', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const writeText = vi.fn((_text: string) => Promise.resolve());
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(writeText);
    const { calls } = page({
      Users: { data: usersData },
      ResetPassword: {
        data: {
          resetPassword: {
            generatedPassword: 'Gen3rated-Secret',
            user: { id: 'VXNlcjo3', email: 'ann@example.com', lockedUntil: null, mustChangePassword: true },
          },
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Reset password of ann@example.com' }));
    expect(confirm).toHaveBeenCalled();
    expect((await screen.findByTestId('reset-password')).textContent).toBe('Gen3rated-Secret');
    expect(calls.find((call) => call.name === 'ResetPassword')?.variables).toEqual({ userId: 'VXNlcjo3' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('button', { name: 'Copied' });
    expect(writeText).toHaveBeenCalledWith('Gen3rated-Secret');
    fireEvent.click(screen.getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByTestId('reset-password')).toBeNull();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('unlocks a locked user and reactivates a deactivated one', async () => {
    const { calls } = page({
      Users: { data: usersData },
      UnlockUser: { data: { unlockUser: { id: 'VXNlcjo3', lockedUntil: null } } },
      ReactivateUser: { data: { reactivateUser: { id: 'VXNlcjo4', active: true } } },
    });
    await screen.findByText(/Locked until/);
    expect(screen.queryByRole('button', { name: 'Unlock old@example.com' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Deactivate old@example.com' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Unlock ann@example.com' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reactivate old@example.com' }));
    expect(calls.filter((call) => call.name !== 'Users')).toEqual([
      { name: 'UnlockUser', variables: { userId: 'VXNlcjo3' } },
      { name: 'ReactivateUser', variables: { userId: 'VXNlcjo4' } },
    ]);
  });

  it('shows why a reset was refused', async () => {
    vi.stubGlobal('confirm', () => true);
    page({
      Users: { data: usersData },
      ResetPassword: { graphqlError: 'User 7 does not exist', code: 'NOT_FOUND' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Reset password of ann@example.com' }));
    expect((await screen.findByRole('alert')).textContent).toContain('User 7 does not exist');
    vi.unstubAllGlobals();
  });
});
