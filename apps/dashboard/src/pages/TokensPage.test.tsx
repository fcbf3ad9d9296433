import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { itShowsLoadingAndFailure, pageAt, SERVER_ERROR } from '../testing/renderPage.js';
import { TokensPage } from './TokensPage.js';

const tokensData = {
  me: {
    id: 'VXNlcjox',
    apiTokens: [
      {
        id: 'QXBpVG9rZW46MQ==',
        name: 'notebook',
        prefix: 'wl_ab12',
        createdAt: '2026-11-20T10:00:00.000Z',
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      },
    ],
  },
};

const page = pageAt(<TokensPage />, '/tokens');

describe('TokensPage', () => {
  itShowsLoadingAndFailure(page, 'MyTokens', {
    loading: 'Loading tokens',
    ...SERVER_ERROR,
    retry: false,
  });

  it('lists tokens by prefix and shows a new secret once', async () => {
    page({
      MyTokens: { data: tokensData },
      CreateApiToken: {
        data: {
          createApiToken: {
            secret: 'wl_secret_value',
            token: { id: 'QXBpVG9rZW46Mg==', name: 'script', prefix: 'wl_cd34' },
          },
        },
      },
    });
    await screen.findByText('wl_ab12…');
    screen.getByRole('button', { name: 'Revoke notebook' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Token name' }), { target: { value: 'script' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect((await screen.findByTestId('token-secret')).textContent).toBe('wl_secret_value');
    fireEvent.click(screen.getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByTestId('token-secret')).toBeNull();
  });
});
