// Seeded, repeatable bulk generator for the registry's tables (multi-row INSERTs through pg).
// Usage: node bench/generate.mjs <database-url> [scale=1] [seed=42]   (the database must be migrated)
// Invariant the benchmark relies on: every membership/role starts in the past, and the ones that
// ended have left_on/valid_to in the past, so "current" == left_on IS NULL / valid_to IS NULL
// (which is how the PostGraphile queries express `current: true`).
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const pg = require('pg');

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeRandom(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    uuid: () => {
      const h = [];
      for (let i = 0; i < 16; i++) h.push(Math.floor(next() * 256));
      h[6] = (h[6] & 0x0f) | 0x40;
      h[8] = (h[8] & 0x3f) | 0x80;
      const s = h.map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    date: (fromYear, toYear) => {
      const y = r.int(fromYear, toYear);
      const m = r.int(1, 12);
      const d = r.int(1, 28);
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    },
    sample: (list, n) => {
      const copy = list.slice();
      const out = [];
      for (let i = 0; i < n && copy.length; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
  return r;
}

const GIVEN = [
  'Andreas',
  'Anna',
  'Bernhard',
  'Birgit',
  'Christian',
  'Claudia',
  'Daniel',
  'Doris',
  'Eva',
  'Frank',
  'Gabriele',
  'Guido',
  'Hans',
  'Heike',
  'Ingo',
  'Jana',
  'Jörg',
  'Julia',
  'Katrin',
  'Klaus',
  'Kirsten',
  'Lena',
  'Markus',
  'Martina',
  'Michael',
  'Monika',
  'Nicole',
  'Oliver',
  'Petra',
  'Rolf',
  'Sabine',
  'Stefan',
  'Susanne',
  'Thomas',
  'Ulrich',
  'Ursula',
  'Volker',
  'Wolfgang',
  'Yvonne',
  'Zoë',
];
const FAMILY = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Maier',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Vogel',
  'Löffler',
  'Rebstock',
  'Bopp',
  'Häußler',
  'Gößwein',
  'Straub',
  'Kübler',
  'Haag',
  'Brenner',
  'Eberle',
];
const TITLES = [
  'Präsident',
  'Präsidentin',
  'Vizepräsidentin',
  'Hauptgeschäftsführer',
  'Geschäftsführerin',
  'Geschäftsführer',
  'Vorsitzender der Geschäftsführung',
  'Vorsitzende der Geschäftsführung',
  'Landrat',
  'Landrätin',
  'Oberbürgermeister',
  'Bürgermeisterin',
  'Regionsvorsitzender',
  'Referatsleiterin',
  'Abteilungsleiter',
  'Projektleiterin Fachkräftesicherung',
];
const COMMITMENT_TEXT = {
  ANNUAL_TOP_LEVEL_MEETING: 'Einmal im Jahr ein Spitzengespräch der Kooperationspartner, um Ziele, Maßnahmen und Ergebnisse abzustimmen.',
  MUTUAL_SUPPORT: 'Die Partner unterstützen einander bei der Umsetzung ihrer Arbeitsprogramme.',
  MUTUAL_INFORMATION: 'Die Partner informieren einander über ihre Aktivitäten zur Fachkräftesicherung.',
  PERMANENT_REPRESENTATIVE: 'Ein ständiger Vertreter des Ministeriums nimmt an den Fachkräftekonferenzen teil.',
  SHARED_MONITORING: 'Demografische und wirtschaftliche Entwicklung werden mit gemeinsamen Monitoren analysiert.',
  COMMUNICATION_PLATFORM: 'Die Plattform des Arbeitsmarktmonitors dient als Kommunikationskanal.',
  OTHER: 'Gemeinsame Projekte zur Gewinnung internationaler Fachkräfte.',
};
const MONITORS = ['Arbeitsmarktmonitor der Bundesagentur für Arbeit', 'IHK-Fachkräftemonitor'];
const RELEASE_TOPICS = [
  'Fachkräfte',
  'Fachkräftesicherung',
  'Ausbildung',
  'Weiterbildung',
  'Willkommenskultur',
  'Berufsorientierung',
  'Frauen in MINT-Berufen',
  'Digitalisierung im Handwerk',
  'Zuwanderung',
  'Pflegekräfte',
];

/** Organisation name patterns per kind; %R = region/district name. */
const KIND_NAMES = [
  ['CHAMBER_OF_COMMERCE', ['Industrie- und Handelskammer %R', 'IHK %R']],
  ['CHAMBER_OF_CRAFTS', ['Handwerkskammer %R', 'Kreishandwerkerschaft %R']],
  ['EMPLOYMENT_AGENCY', ['Agentur für Arbeit %R', 'Jobcenter %R']],
  ['TRADE_UNION', ['DGB Region %R', 'IG Metall %R', 'ver.di Bezirk %R']],
  ['EMPLOYERS_ASSOCIATION', ['Arbeitgeberverband %R e. V.', 'Südwestmetall Bezirksgruppe %R']],
  ['ECONOMIC_DEVELOPMENT', ['Wirtschaftsförderung %R', 'Wirtschaftsregion %R GmbH']],
  ['MUNICIPALITY', ['Landratsamt %R', 'Stadt %R', 'Regionalverband %R']],
  ['EDUCATION', ['Hochschule %R', 'Berufliche Schulen %R', 'Volkshochschule %R']],
  ['WELCOME_CENTER', ['Welcome Center %R']],
  ['OTHER', ['Bündnis für Arbeit %R', 'Netzwerk Fachkräfte %R']],
];

async function insertRows(client, table, columns, rows, onProgress) {
  if (!rows.length) return;
  const perBatch = Math.max(1, Math.floor(30000 / columns.length));
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const params = [];
    const tuples = batch.map((row) => `(${row.map((value) => (params.push(value), `$${params.length}`)).join(',')})`);
    await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${tuples.join(',')}`, params);
    onProgress?.(Math.min(rows.length, start + perBatch));
  }
}

export async function generate(url, scale = 1, seed = 42, log = (line) => process.stdout.write(line)) {
  const rnd = makeRandom(seed * 1000 + scale);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  try {
    const { rows: existing } = await client.query('SELECT count(*)::int AS n FROM alliance');
    if (existing[0].n > 0) throw new Error('the database holds alliances already; generate into a freshly migrated database');
    const { rows: regions } = await client.query('SELECT id, name, kind, code FROM region ORDER BY code');
    const state = regions.find((r) => r.kind === 'STATE');
    const regs = regions.filter((r) => r.kind === 'REGION');
    const districts = regions.filter((r) => r.kind === 'DISTRICT');
    const places = [...regs, ...districts];
    const S = scale;
    const suffix = (i, per) => (S > 1 ? ` ${Math.floor(i / per) + 1}` : '');

    // organisations (+ one organisation_name each)
    const orgs = [];
    const nOrgs = 300 * S;
    for (let i = 0; i < nOrgs; i++) {
      const [kind, patterns] = i < 2 * S ? ['MINISTRY', null] : KIND_NAMES[i % KIND_NAMES.length];
      const place = rnd.pick(places);
      const name =
        kind === 'MINISTRY'
          ? `${rnd.pick(['Ministerium für Wirtschaft, Arbeit und Tourismus', 'Ministerium für Soziales, Gesundheit und Integration'])} Baden-Württemberg${suffix(i, 2)}`
          : rnd.pick(patterns).replace('%R', place.name) + suffix(i, 300);
      orgs.push({ id: rnd.uuid(), name, kind, region: kind === 'MINISTRY' ? state.id : rnd.chance(0.9) ? place.id : null });
    }
    // people + roles
    const people = [];
    for (let i = 0; i < 600 * S; i++)
      people.push({ id: rnd.uuid(), given: rnd.pick(GIVEN), family: rnd.pick(FAMILY), prefix: rnd.chance(0.15) ? 'Dr.' : null });
    const roles = [];
    people.forEach((p, i) => {
      const org = orgs[i % orgs.length];
      roles.push([rnd.uuid(), p.id, org.id, rnd.pick(TITLES), rnd.date(2008, 2023), null]);
      if (rnd.chance(0.2)) {
        const from = rnd.date(2000, 2010);
        roles.push([
          rnd.uuid(),
          p.id,
          rnd.pick(orgs).id,
          rnd.pick(TITLES),
          from,
          `${Number(from.slice(0, 4)) + rnd.int(1, 8)}${from.slice(4)}`,
        ]);
      }
    });
    // alliances: per scale unit 2 STATE and 15 REGIONAL (12 regions + 3 districts)
    const alliances = [];
    for (let u = 0; u < S; u++) {
      const tag = S > 1 ? ` ${u + 1}` : '';
      alliances.push({ id: rnd.uuid(), name: `Allianz für Fachkräfte Baden-Württemberg${tag}`, level: 'STATE', region: state.id });
      alliances.push({ id: rnd.uuid(), name: `Bündnis für Ausbildung Baden-Württemberg${tag}`, level: 'STATE', region: state.id });
      for (const reg of regs)
        alliances.push({ id: rnd.uuid(), name: `Fachkräfteallianz ${reg.name}${tag}`, level: 'REGIONAL', region: reg.id });
      for (const d of rnd.sample(districts, 3))
        alliances.push({ id: rnd.uuid(), name: `Fachkräftebündnis ${d.name}${tag}`, level: 'REGIONAL', region: d.id });
    }
    const memberships = [];
    for (const a of alliances) {
      a.founded = rnd.date(2011, 2016);
      const members = rnd.sample(orgs, 1 + rnd.int(5, 20));
      members.forEach((org, k) => {
        const joined = k === 0 ? a.founded : rnd.date(Number(a.founded.slice(0, 4)), 2023);
        const left = k > 0 && rnd.chance(0.08) ? `2024${joined.slice(4)}` : null;
        memberships.push([rnd.uuid(), a.id, org.id, k === 0 ? 'LEAD' : 'PARTNER', joined, left]);
      });
      a.lead = members[0];
    }
    // agreements: 50 per unit, a STATE alliance with a REGIONAL one
    const stateAlliances = alliances.filter((a) => a.level === 'STATE');
    const regional = alliances.filter((a) => a.level === 'REGIONAL');
    const agreements = [];
    const parties = [];
    const commitments = [];
    for (let i = 0; i < 50 * S; i++) {
      const st = rnd.pick(stateAlliances);
      const re = regional[i % regional.length];
      const status = rnd.chance(0.85) ? 'SIGNED' : rnd.chance(0.5) ? 'DRAFT' : 'TERMINATED';
      const signedOn = status === 'DRAFT' ? null : rnd.date(2012, 2023);
      const ag = { id: rnd.uuid(), title: `Kooperationsvereinbarung ${st.name} – ${re.name}`, status, signedOn, st, re };
      agreements.push(ag);
      parties.push([ag.id, st.id, orgs[0].id, rnd.pick(people).id, 0], [ag.id, re.id, re.lead.id, rnd.pick(people).id, 1]);
      const kinds = [
        'ANNUAL_TOP_LEVEL_MEETING',
        ...rnd.sample(
          ['MUTUAL_SUPPORT', 'MUTUAL_INFORMATION', 'PERMANENT_REPRESENTATIVE', 'SHARED_MONITORING', 'COMMUNICATION_PLATFORM', 'OTHER'],
          rnd.int(2, 4),
        ),
      ];
      kinds.forEach((kind, k) =>
        commitments.push([rnd.uuid(), ag.id, kind, COMMITMENT_TEXT[kind], kind === 'SHARED_MONITORING' ? MONITORS : [], k]),
      );
    }
    // meetings: 300 per unit; top-level meetings under agreements, conferences of alliances
    const meetings = [];
    const participants = [];
    for (let i = 0; i < 300 * S; i++) {
      const underAgreement = rnd.chance(0.5);
      const ag = underAgreement ? rnd.pick(agreements) : null;
      const al = ag ? (rnd.chance(0.5) ? ag.re : null) : rnd.pick(alliances);
      const kind = ag ? 'TOP_LEVEL_MEETING' : rnd.chance(0.7) ? 'SKILLED_LABOUR_CONFERENCE' : 'OTHER';
      const heldOn = rnd.date(2013, 2026);
      const status = heldOn < '2025-12-01' ? (rnd.chance(0.9) ? 'HELD' : 'CANCELLED') : 'PLANNED';
      const title =
        kind === 'TOP_LEVEL_MEETING'
          ? `Spitzengespräch ${heldOn.slice(0, 4)}`
          : kind === 'SKILLED_LABOUR_CONFERENCE'
            ? `Fachkräftekonferenz ${heldOn.slice(0, 4)}`
            : `Netzwerktreffen ${heldOn.slice(0, 4)}`;
      const m = [
        rnd.uuid(),
        kind,
        status,
        title,
        heldOn,
        rnd.pick(places).name,
        ag?.id ?? null,
        al?.id ?? null,
        status === 'HELD' ? 'Ergebnisse und nächste Schritte wurden vereinbart.' : null,
      ];
      meetings.push(m);
      rnd.sample(people, rnd.int(2, 5)).forEach((p, k) => participants.push([m[0], p.id, k]));
    }
    // releases: 500 per unit, with 1-3 links and 0-2 quotes
    const releases = [];
    const links = [];
    const quotes = [];
    const linkables = () => {
      const t = rnd.int(0, 9);
      if (t < 4) return ['ALLIANCE', rnd.pick(alliances).id];
      if (t < 6) return ['ORGANISATION', rnd.pick(orgs).id];
      if (t < 7) return ['PERSON', rnd.pick(people).id];
      if (t < 8) return ['AGREEMENT', rnd.pick(agreements).id];
      return ['MEETING', rnd.pick(meetings)[0]];
    };
    for (let i = 0; i < 500 * S; i++) {
      const topic = rnd.pick(RELEASE_TOPICS);
      const place = rnd.pick(places).name;
      const id = rnd.uuid();
      const title = `${topic}: ${rnd.pick(['Neue Initiative', 'Spitzengespräch', 'Konferenz', 'Bilanz', 'Kooperation'])} in ${place}`;
      const body = `Die Partner in ${place} stellen Maßnahmen zu ${topic} vor. ${rnd.chance(0.4) ? 'Die Sicherung der Fachkräfte bleibt das wichtigste Ziel der Allianz. ' : ''}Unternehmen, Kammern und Agenturen arbeiten eng zusammen.`;
      releases.push([
        id,
        title,
        rnd.date(2012, 2025),
        rnd.chance(0.8) ? rnd.pick(orgs).id : null,
        `https://www.example.org/pm/${i}`,
        body,
        'bench',
      ]);
      const seen = new Set();
      for (let k = 0, n = rnd.int(1, 3); k < n; k++) {
        const [type, entity] = linkables();
        if (seen.has(entity)) continue;
        seen.add(entity);
        links.push([rnd.uuid(), id, k === 0 ? 'ANNOUNCES' : 'MENTIONS', type, entity, k]);
      }
      for (let k = 0, n = rnd.int(0, 2); k < n; k++)
        quotes.push([rnd.uuid(), id, rnd.pick(people).id, `Wir sichern gemeinsam die ${topic} in der Region.`, k]);
    }

    const steps = [
      ['organisation', ['id', 'name', 'kind', 'region_id'], orgs.map((o) => [o.id, o.name, o.kind, o.region])],
      [
        'organisation_name',
        ['id', 'organisation_id', 'name', 'valid_from', 'valid_to'],
        orgs.map((o) => [rnd.uuid(), o.id, o.name, null, null]),
      ],
      ['person', ['id', 'honorific_prefix', 'given_name', 'family_name'], people.map((p) => [p.id, p.prefix, p.given, p.family])],
      ['role', ['id', 'person_id', 'organisation_id', 'title', 'valid_from', 'valid_to'], roles],
      [
        'alliance',
        ['id', 'name', 'level', 'status', 'region_id', 'founded_on', 'description'],
        alliances.map((a) => [a.id, a.name, a.level, 'ACTIVE', a.region, a.founded, `${a.name}: Netzwerk zur Sicherung der Fachkräfte.`]),
      ],
      ['membership', ['id', 'alliance_id', 'organisation_id', 'role', 'joined_on', 'left_on'], memberships],
      ['agreement', ['id', 'title', 'status', 'signed_on'], agreements.map((a) => [a.id, a.title, a.status, a.signedOn])],
      ['agreement_party', ['agreement_id', 'alliance_id', 'represented_by_id', 'signatory_id', 'position'], parties],
      ['commitment', ['id', 'agreement_id', 'kind', 'description', 'instruments', 'position'], commitments],
      ['meeting', ['id', 'kind', 'status', 'title', 'held_on', 'location', 'agreement_id', 'alliance_id', 'outcome'], meetings],
      ['meeting_participant', ['meeting_id', 'person_id', 'position'], participants],
      ['release', ['id', 'title', 'published_on', 'publisher_id', 'url', 'body', 'created_by'], releases],
      ['release_link', ['id', 'release_id', 'relation', 'entity_type', 'entity_id', 'position'], links],
      ['release_quote', ['id', 'release_id', 'person_id', 'text', 'position'], quotes],
    ];
    await client.query('BEGIN');
    for (const [table, columns, rows] of steps) {
      const t0 = Date.now();
      await insertRows(client, table, columns, rows, (done) =>
        log(`\r  generate ${table.padEnd(20)} ${String(done).padStart(8)}/${rows.length}`),
      );
      log(`\r  generate ${table.padEnd(20)} ${String(rows.length).padStart(8)} rows  ${Date.now() - t0} ms\n`);
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
    log(`  generated scale ${scale} (seed ${seed}) in ${Date.now() - started} ms\n`);
    return {
      stateRegionId: state.id,
      allianceId: regional[0].id,
      counts: Object.fromEntries(steps.map(([t, , rows]) => [t, rows.length])),
    };
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, scale = '1', seed = '42'] = process.argv.slice(2);
  if (!url) {
    console.error('usage: node bench/generate.mjs <database-url> [scale] [seed]');
    process.exit(2);
  }
  generate(url, Number(scale), Number(seed)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
