/**
 * Press releases written for the tests, in the style of the ministry's web pages (rubric, page
 * chrome, source line, teasers of other releases), with the kinds of facts a real one carries:
 * quotes in several kinds of marks and in several parts, weekday and numeric dates, titles before
 * and after names, a word broken across lines. The people and firms are invented.
 */

/** Published Tuesday 14 March 2017, when the ministry was the "Ministerium für Wirtschaft, Arbeit und Wohnungsbau". */
export const OSTWUERTTEMBERG_RELEASE = `Fachkräfte

Ostwürttemberg und Land bündeln ihre Kräfte für Fachkräfte

Berechne Lesezeit
  • Teilen

PM 14.03.2017

Die Fachkräfteallianz Baden-Württemberg und das Fachkräftebündnis Ostwürttemberg haben am Montag in Aalen eine Kooperationsvereinbarung unterzeichnet. Für das Land unterschrieb Staatssekretärin Dr. Petra Sommer vom Ministerium für Wirtschaft, Arbeit und Wohnungsbau; das Bündnis wird von der IHK Ostwürttemberg geführt.

„Regionale Bündnisse tragen die Fachkräftesicherung in die Fläche“, sagte Staatssekretärin Sommer. „Darum unterstützt das Wirtschafts- und Arbeitsministerium jede Region, die sich zusammenschließt.“

Beide Seiten wollen sich künftig einmal im Jahr zu einem Spitzengespräch treffen, das erste ist für Donnerstag, 12. Oktober vorgesehen. Markus Feld, Präsident der Handwerkskammer Ulm, sagte: »Wir informieren einander über alle Vorhaben, damit nichts doppelt geschieht.«

Zudem wird ein ständiger Vertreter des Ministeriums an den Fachkräftekonferenzen in Ostwürttemberg teilnehmen. "Das gibt uns einen direkten Draht nach Stuttgart", erklärte IHK-Hauptgeschäftsführerin Carola Brenner. Die Partner wollen den Arbeitsmarktmonitor der Bundes-
agentur für Arbeit gemeinsam nutzen, um die Entwicklung in der Region zu analysieren.

Jens Albrecht, Vorsitzender der Geschäftsführung der Agentur für Arbeit Aalen, betonte: „Mit gemeinsamen Daten sehen wir früher, wo Fachkräfte fehlen.“ Auch die Ostalb Logistik GmbH beteiligt sich; ihr Geschäftsführer Tobias Kern freut sich auf den Austausch.

Die erste Vereinbarung dieser Art im Land wurde bereits am 24.09.2012 geschlossen.

Quelle:

Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg

Weitere Meldungen

Messe
Wirtschaftsminister Dr. Hans Muster eröffnet die Messe „Zukunft Handwerk“ der Handwerkskammer Freiburg
`;

/** The names of the ministry over time, as organisation_name keeps them (half-open periods). */
export const MINISTRY_NAMES = [
  { name: 'Ministerium für Finanzen und Wirtschaft Baden-Württemberg', validFrom: null, validTo: '2016-05-12' },
  { name: 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg', validFrom: '2016-05-12', validTo: '2021-05-12' },
  { name: 'Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg', validFrom: '2021-05-12', validTo: null },
];

/**
 * Against the demo data (src/demo/heilbronn-franken.ts): published Wednesday 30 October 2013, a
 * day after the first Spitzengespräch; the ministry under its name of then, written as a compound.
 */
export const HEILBRONN_MEETING_RELEASE = `Fachkräfte

Erstes Spitzengespräch von Land und Region Heilbronn-Franken

Berechne Lesezeit
  • Teilen

Gut ein Jahr nach ihrer Kooperationsvereinbarung sind die Allianz für Fachkräfte Baden-Württemberg und das Fachkräftebündnis Heilbronn-Franken am Dienstag in Heilbronn zum ersten Spitzengespräch zusammengekommen. Für das Finanz- und Wirtschaftsministerium nahm Staatssekretär Ingo Rust teil.

„Die Region zeigt, wie Fachkräftesicherung vor Ort gelingt“, sagte Rust. „Diesen Austausch wollen wir jedes Jahr fortsetzen.“

Kirsten Hirschmann, Vizepräsidentin der IHK Heilbronn-Franken, ergänzte: »Die Zahlen des Fachkräftemonitors helfen uns, früh gegenzusteuern.« Neu am Tisch saß die Hochschule Heilbronn, vertreten durch Rektorin Prof. Dr. Sabine Ostertag. "Wir bringen Studierende und Betriebe der Region zusammen", erklärte Ostertag.

Die Ergebnisse fließen in die Arbeit der Wirtschafts-
region Heilbronn-Franken GmbH ein.

Quelle:

Ministerium für Finanzen und Wirtschaft Baden-Württemberg

Weitere Meldungen

Förderprogramm
Neues Programm für den Mittelstand
`;
