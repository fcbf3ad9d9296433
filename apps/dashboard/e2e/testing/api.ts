/** A signed-in GraphQL client for checking what the dashboard shows against what the API answers. */
export interface ApiSession {
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

async function post(url: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

export async function apiSession(url: string, email: string, password: string): Promise<ApiSession> {
  const login = await post(url, {
    query:
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }',
    variables: { email, password },
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.startsWith('wl_session=')) throw new Error(`login as ${email} failed: ${await login.text()}`);
  return {
    async query<T>(query: string, variables: Record<string, unknown> = {}) {
      const response = await post(url, { query, variables }, cookie);
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
  };
}
