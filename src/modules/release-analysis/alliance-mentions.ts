import { fold, words } from './german';
import { NameIndex, nameKeys, pickLongest } from './name-index';
import { RegistryAlliance } from './registry';

/** An alliance named in the text; allianceId null where the registry has none of that name. */
export interface AllianceFinding {
  start: number;
  end: number;
  allianceId: string | null;
}

const PLACE = '\\p{Lu}[\\p{L}]*(?:-\\p{Lu}[\\p{L}]*)*(?:(?<=isch|er) \\p{Lu}\\p{L}+)?';

/**
 * The ways an alliance for skilled labour calls itself: "Allianz für Fachkräfte X",
 * "Fachkräfteallianz X", "Fachkräftebündnis X", "Bündnis für Fachkräfte X", in any case of the
 * noun, with the place it is for. Without a place ("eine regionale Fachkräfteallianz") it names
 * no alliance in particular.
 */
const ALLIANCE = new RegExp(
  `(?<![\\p{L}])(?:(?:Allianz|Bündnis(?:ses)?|Netzwerk(?:s|es)?) für Fachkräfte|Fachkräfte-?(?:[Aa]llianz|[Bb]ündnis(?:ses)?|[Nn]etzwerk(?:s|es)?))(?![\\p{L}]) (${PLACE})`,
  'gu',
);

/** What makes two names one alliance: skilled labour and the place, whichever noun and word order the name uses. */
export function allianceKey(name: string): string | null {
  ALLIANCE.lastIndex = 0;
  const match = ALLIANCE.exec(name);
  ALLIANCE.lastIndex = 0;
  return match ? `fachkraefte|${fold(match[1])}` : null;
}

/**
 * The alliances named in a text: by a registered name (inflected as German nouns are, "des
 * Fachkräftebündnisses Heilbronn-Franken"), else by a variant of one ("Fachkräfteallianz
 * Baden-Württemberg" is the "Allianz für Fachkräfte Baden-Württemberg") when only one registered
 * alliance fits it, else as an alliance the registry does not know.
 */
export function findAlliances(text: string, alliances: RegistryAlliance[]): AllianceFinding[] {
  const index = new NameIndex(alliances.map((alliance) => ({ keys: nameKeys(alliance.name), value: alliance, rank: 0 })));
  const byName = index
    .find(text, words(text))
    .filter((match) => match.exact)
    .map((match) => ({ start: match.start, end: match.end, allianceId: match.entry.value.id }));

  const byKey = new Map<string, RegistryAlliance[]>();
  for (const alliance of alliances) {
    const key = allianceKey(alliance.name);
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), alliance]);
  }
  const variants = [...text.matchAll(ALLIANCE)].map((match) => {
    const fitting = byKey.get(`fachkraefte|${fold(match[1])}`) ?? [];
    return { start: match.index, end: match.index + match[0].length, allianceId: fitting.length === 1 ? fitting[0].id : null };
  });
  return pickLongest([...byName, ...pickLongest(variants, byName)]);
}
