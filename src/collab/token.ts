import { createHmac, timingSafeEqual } from 'node:crypto';

// Room tokens: base64url(JSON {room, role, exp}) "." base64url(HMAC-SHA256(secret, payload)).
// exp is in seconds since the epoch. `erase` is the role of the CLI's one-minute admin token.

export type Role = 'editor' | 'viewer' | 'erase';
export type TokenClaims = { room: string; role: Role; exp: number };

const ROLES: readonly Role[] = ['editor', 'viewer', 'erase'];

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signToken(secret: string, claims: TokenClaims): string {
  const payload = Buffer.from(JSON.stringify({ room: claims.room, role: claims.role, exp: claims.exp })).toString(
    'base64url',
  );
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export function verifyToken(secret: string, token: unknown, nowMs = Date.now()): TokenCheck {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, reason: 'malformed' };
  const dot = token.indexOf('.');
  if (dot <= 0) return { ok: false, reason: 'malformed' };
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const c = claims as Partial<TokenClaims>;
  if (typeof c.room !== 'string' || !ROLES.includes(c.role as Role) || typeof c.exp !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if (c.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { room: c.room, role: c.role as Role, exp: c.exp } };
}
