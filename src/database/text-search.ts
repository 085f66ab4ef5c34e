/**
 * A case- and umlaut-tolerant "contains" condition on a name column: "wirtschaftsfoerderung",
 * "Wirtschaftsforderung" and "WIRTSCHAFTSFÖRDERUNG" all find "Wirtschaftsförderung". The two
 * folding functions are created by the first migration.
 */
export function nameContains(column: string, parameter: string): string {
  return `(registry_fold(${column}) LIKE '%' || registry_fold(:${parameter}) || '%' ESCAPE '\\' OR registry_strip(${column}) LIKE '%' || registry_strip(:${parameter}) || '%' ESCAPE '\\')`;
}

/** The search text with LIKE's wildcards escaped, so "100%" means the characters. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
