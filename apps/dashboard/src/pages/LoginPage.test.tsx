import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { MockHandler } from '../testing/mockClient.js';
import { ADMIN, expectUnreachable, renderPage } from '../testing/renderPage.js';
import { LoginPage, safeNext } from './LoginPage.js';

const page = (handlers: Record<string, MockHandler>) =>
  renderPage(<LoginPage />, {
    route: '/signin?next=%2Ffeed%3Fq%3Dchips',
    path: '/signin',
    handlers,
    user: null,
  });

function signIn() {
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'ada@example.com' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it('shows the server’s message for wrong credentials', async () => {
    page({ Login: { graphqlError: 'Wrong e-mail or password', code: 'UNAUTHENTICATED' } });
    signIn();
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong e-mail or password');
  });

  it('says when the server cannot be reached', async () => {
    page({ Login: { networkError: true } });
    signIn();
    await expectUnreachable();
  });

  it('signs in and returns to the page the user came from', async () => {
    const { calls } = page({ Login: { data: { login: { user: ADMIN } } } });
    signIn();
    await screen.findByText('/feed?q=chips');
    expect(calls.find((call) => call.name === 'Login')?.variables).toEqual({
      email: 'ada@example.com',
      password: 'secret-password',
    });
  });

  it('explains an ended session and stays on the form even while the old user is remembered', () => {
    renderPage(<LoginPage />, { route: '/signin?next=%2Ffeed&expired=1', path: '/signin', user: ADMIN });
    expect(screen.getByText('Your session has ended. Sign in again to continue.').getAttribute('role')).toBe(
      'status',
    );
    screen.getByRole('button', { name: 'Sign in' });
    expect(screen.getByTestId('location').textContent).toBe('/signin?next=%2Ffeed&expired=1');
  });

  it('only returns to same-site paths', () => {
    expect(safeNext('/feed')).toBe('/feed');
    expect(safeNext('//evil.example.com')).toBe('/');
    expect(safeNext('https://evil.example.com')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
