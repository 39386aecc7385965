/**
 * The published charter versions, oldest first: the last one is in force. On their own so that
 * screening an application (which only compares versions) carries neither the charter's text
 * nor its schema (issue 17). Publishing a version adds its JSON file to index.ts and its version
 * here; test/unit/volunteers-documents.test.ts fails when the two lists differ.
 */
export const CHARTER_VERSIONS: readonly string[] = ['2026-1'];

/** The version of the charter in force. */
export const currentCharterVersion = (versions: readonly string[] = CHARTER_VERSIONS): string => {
  const current = versions.at(-1);
  if (!current) throw new Error('no charter has been published');
  return current;
};
