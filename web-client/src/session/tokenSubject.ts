/**
 * The participant id in a CoView token (its `sub`): annotation-service stamps events with it as `authorId`, so
 * a client tells its own events (undo history) from others'. Only read, never
 * verified: the services verify the token.
 */
export function tokenSubject(token: string): string {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const sub = (JSON.parse(atob(payload)) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : '';
  } catch {
    return '';
  }
}
