/**
 * Ids for what a page creates (drawings, recordings, references): unique per page without a round trip, and
 * distinct across pages and reloads because they start with the creation time. annotation-service keeps an
 * element by its id, so two pages (or a page before and after a reload) must never pick the same one.
 */
export function elementIds(prefix = '', now: () => number = Date.now): () => string {
  let next = 0;
  return () => `${prefix}${now().toString(36)}-${(next++).toString(36)}`;
}
