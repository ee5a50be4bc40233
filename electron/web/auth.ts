import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const newToken = (): string => randomBytes(24).toString('base64url');

export const sameToken = (given: string | undefined | null, token: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

// Cookies are shared across ports on one host, so the cookie name carries the port.
export const cookieName = (port: number): string => `bantam_${port}`;

export const readCookie = (req: IncomingMessage, name: string): string | undefined => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
};

// Only our own origin may talk to us: guards against DNS rebinding (Host) and other sites (Origin).
export const isOwnOrigin = (req: IncomingMessage, port: number): boolean => {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!allowed.has(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return allowed.has(new URL(origin).host) && new URL(origin).protocol === 'http:';
  } catch {
    return false;
  }
};
