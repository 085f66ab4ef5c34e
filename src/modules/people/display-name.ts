/** A person's name parts, as the API and the exports carry them. */
export interface NameParts {
  honorificPrefix: string | null;
  givenName: string;
  familyName: string;
}

/** Prefix, given and family name, e.g. "Dr. Andreas Schumm": how the API (Person.displayName) and the open data exports show a person. */
export function displayName(person: NameParts): string {
  return [person.honorificPrefix, person.givenName, person.familyName].filter(Boolean).join(' ');
}
