export const SESSION_COOKIE = 'wl_session';

/** A cookie for this origin only: httpOnly, SameSite=Lax, Secure behind https; maxAge 0 clears it. */
export function cookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeSeconds)}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The dashboard session cookie. */
export function sessionCookie(secret: string, maxAgeSeconds: number, secure: boolean): string {
  return cookie(SESSION_COOKIE, secret, maxAgeSeconds, secure);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim() || null;
  }
  return null;
}
