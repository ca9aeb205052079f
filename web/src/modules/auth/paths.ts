/** /login, remembering where to return to. */
export const loginPath = (from: string): string =>
  from && from !== '/' && !from.startsWith('/login') ? `/login?next=${encodeURIComponent(from)}` : '/login';

/** Only same-site paths are followed after sign-in, never another origin ("//evil.example"). */
export const safeNext = (next: string | null): string =>
  next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login') ? next : '/';

/** Pages anyone may open without signing in (public self-enrolment): a 401 there never sends the visitor to /login. */
export const isPublicPath = (pathname: string): boolean => pathname === '/login' || pathname.startsWith('/join/');
