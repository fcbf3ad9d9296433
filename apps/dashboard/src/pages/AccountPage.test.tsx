import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { MockHandler } from '../testing/mockClient.js';
import { renderPage, VIEWER } from '../testing/renderPage.js';
import { AccountPage } from './AccountPage.js';

const page = (handlers: Record<string, MockHandler>, user = VIEWER) =>
  renderPage(<AccountPage />, { route: '/account', path: '/account', handlers, user });

function fill(current: string, next: string, repeat = next) {
  fireEvent.change(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('New password again'), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('AccountPage', () => {
  it('shows who is signed in', () => {
    page({});
    screen.getByRole('heading', { name: 'Your account' });
    screen.getByText('vic@example.com');
    screen.getByText('Viewer');
    expect(screen.queryByText(/An administrator reset your password/)).toBeNull();
  });

  it('checks the new password before sending it', async () => {
    const { calls } = page({});
    fill('old password here', 'short');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The new password needs at least 10 characters.',
    );
    fill('old password here', 'long enough new one', 'long enough other one');
    expect((await screen.findByRole('alert')).textContent).toBe('The two new passwords differ.');
    expect(calls.some((call) => call.name === 'ChangePassword')).toBe(false);
  });

  it('shows what the server refused', async () => {
    page({
      ChangePassword: {
        graphqlError: 'currentPassword: is not your current password',
        code: 'BAD_USER_INPUT',
      },
    });
    fill('wrong current one', 'a long new password');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'currentPassword: is not your current password',
    );
  });

  it('shows a network error', async () => {
    page({ ChangePassword: { networkError: true } });
    fill('old password here', 'a long new password');
    expect((await screen.findByRole('alert')).textContent).toContain('Failed to fetch');
  });

  it('changes the password and says other sessions ended', async () => {
    const { calls } = page(
      { ChangePassword: { data: { changePassword: { id: VIEWER.id, mustChangePassword: false } } } },
      { ...VIEWER, mustChangePassword: true },
    );
    screen.getByText('An administrator reset your password. Choose a new one to continue.');
    fill('old password here', 'a long new password');
    await screen.findByText('Password changed. Your other sessions were signed out.');
    expect(calls.find((call) => call.name === 'ChangePassword')?.variables).toEqual({
      currentPassword: 'old password here',
      newPassword: 'a long new password',
    });
    expect(screen.getByLabelText<HTMLInputElement>('Current password').value).toBe('');
  });
});
