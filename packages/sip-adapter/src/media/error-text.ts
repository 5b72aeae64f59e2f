/** A caught value as a short log text (never an object dump). @internal */
export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 300);
  return typeof e === 'string' ? e.slice(0, 300) : 'unknown error';
}
