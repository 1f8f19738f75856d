/**
 * Name search: a case-insensitive prefix of any word of the name or of the full name. Names and
 * the query are compared as lower-case words separated by single spaces (dashes count as
 * spaces, so "Hassan-Ali" is found by "ali"); with a space in front of the name, " <query>"
 * anywhere in it is exactly "the query starts a word", and a multi-word query starts a run of words.
 */
export const NAME_SEARCH_EXPRESSION = `' ' || regexp_replace(lower(c.name), '[[:space:]-]+', ' ', 'g')`;

/** The LIKE pattern (escape character `\`) for NAME_SEARCH_EXPRESSION; SQL lower() is applied to it too. */
export function nameSearchPattern(query: string): string {
  const words = query.trim().split(/[\s-]+/).filter(Boolean).join(' ');
  const escaped = words.replace(/[\\%_]/g, (char) => `\\${char}`);
  return `% ${escaped}%`;
}
