'use strict';

// The overview page: everything it shows comes from POST /graphql. No framework and no build
// step, so the page works from the repo's files alone, in networks without internet access.
(() => {
  const { TOKEN_KEY, ApiError, storedToken, gql, KIND_LABELS } = window.RegistryApi;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const COVERAGE = {
    none: { label: 'Kein aktives Bündnis', short: 'Kein Bündnis' },
    alliance: { label: 'Bündnis ohne Vereinbarung mit der Landesallianz', short: 'Keine Vereinbarung' },
    current: { label: 'Vereinbarung, Spitzengespräch fristgerecht', short: 'Gespräch aktuell' },
    overdue: { label: 'Vereinbarung, Spitzengespräch überfällig', short: 'Gespräch überfällig' },
  };

  // A schematic of the twelve regions on a 4 × 4 grid that keeps their relative positions:
  // the Rhine valley in the west column, Ostwürttemberg and Donau-Iller in the east, Lake
  // Constance in the south. Labels are the fallback until the API's names arrive.
  const TILES = [
    { code: '0805', name: 'Rhein-Neckar', col: 0, row: 0, span: 2 },
    { code: '0802', name: 'Heilbronn-Franken', col: 2, row: 0, span: 2 },
    { code: '0804', name: 'Mittlerer Oberrhein', col: 0, row: 1 },
    { code: '0806', name: 'Nordschwarzwald', col: 1, row: 1 },
    { code: '0801', name: 'Stuttgart', col: 2, row: 1 },
    { code: '0803', name: 'Ostwürttemberg', col: 3, row: 1 },
    { code: '0807', name: 'Südlicher Oberrhein', col: 0, row: 2 },
    { code: '0808', name: 'Schwarzwald-Baar-Heuberg', col: 1, row: 2 },
    { code: '0810', name: 'Neckar-Alb', col: 2, row: 2 },
    { code: '0811', name: 'Donau-Iller', col: 3, row: 2 },
    { code: '0809', name: 'Hochrhein-Bodensee', col: 0, row: 3, span: 2 },
    { code: '0812', name: 'Bodensee-Oberschwaben', col: 2, row: 3, span: 2 },
  ];
  const TILE = { width: 172, height: 112, gap: 8 };
  const LABEL_WIDTH_CHARS = 17;

  const ORGANISATION_KINDS = {
    MINISTRY: 'Ministerien und Landesbehörden',
    CHAMBER_OF_COMMERCE: 'Industrie- und Handelskammern',
    CHAMBER_OF_CRAFTS: 'Handwerkskammern',
    EMPLOYMENT_AGENCY: 'Agenturen für Arbeit',
    TRADE_UNION: 'Gewerkschaften',
    EMPLOYERS_ASSOCIATION: 'Arbeitgeberverbände',
    ECONOMIC_DEVELOPMENT: 'Wirtschaftsförderung',
    MUNICIPALITY: 'Kommunen und Regionalverbände',
    EDUCATION: 'Bildung und Hochschulen',
    WELCOME_CENTER: 'Welcome Center',
    OTHER: 'Sonstige',
  };

  // ---- the registry's activity: open change proposals and the change feed ----------------------

  // Roles whose token may list proposals (ministry staff all of them, a coordinator its own); a
  // READER's request would be refused, so the page does not send it.
  const PROPOSAL_ROLES = ['ADMIN', 'EDITOR', 'COORDINATOR'];
  const ROLE_LABELS = { ADMIN: 'Administration', EDITOR: 'Redaktion', COORDINATOR: 'Koordination', READER: 'Lesezugriff' };
  const ACTIVITY_PAGE = 20;
  // The API's limit on root fields per operation; the records that proposals name are looked up in
  // operations of at most this many.
  const MAX_ROOT_FIELDS = 20;

  const ENTITY_TYPES = {
    Alliance: 'Allianz',
    Organisation: 'Organisation',
    Person: 'Person',
    Role: 'Funktion',
    Membership: 'Mitgliedschaft',
    Agreement: 'Vereinbarung',
    Commitment: 'Verpflichtung',
    Meeting: 'Treffen',
    Release: 'Pressemitteilung',
    ChangeProposal: 'Änderungsvorschlag',
  };

  // The record type has a column of its own, so an action says only what happened to it.
  const ACTIONS = {
    createAlliance: 'angelegt',
    updateAlliance: 'geändert',
    addMember: 'Mitglied aufgenommen',
    endMembership: 'beendet',
    correctMembership: 'korrigiert',
    changeMembershipRole: 'Rolle gewechselt',
    createOrganisation: 'angelegt',
    updateOrganisation: 'geändert',
    renameOrganisation: 'umbenannt',
    correctOrganisationName: 'Name korrigiert',
    createPerson: 'angelegt',
    updatePerson: 'korrigiert',
    assignRole: 'zugeordnet',
    endRole: 'beendet',
    updateRole: 'korrigiert',
    createAgreement: 'angelegt',
    updateAgreement: 'geändert',
    signAgreement: 'unterzeichnet',
    terminateAgreement: 'beendet',
    updateCommitment: 'geändert',
    recordMeeting: 'erfasst',
    updateMeeting: 'geändert',
    createRelease: 'erfasst',
    updateRelease: 'geändert',
    linkRelease: 'verknüpft',
    unlinkRelease: 'Verknüpfung gelöst',
    proposeOrganisationChange: 'vorgeschlagen',
    proposePersonChange: 'vorgeschlagen',
    acceptProposal: 'angenommen',
    rejectProposal: 'abgelehnt',
    withdrawProposal: 'zurückgezogen',
  };
  const entityTypeLabel = (type) => (Object.hasOwn(ENTITY_TYPES, type) ? ENTITY_TYPES[type] : type);
  const actionLabel = (action) => {
    if (Object.hasOwn(ACTIONS, action)) return ACTIONS[action];
    if (action.startsWith('archive')) return 'archiviert';
    if (action.startsWith('restore')) return 'wiederhergestellt';
    return action;
  };

  // Field labels, in the order a summary names them: what identifies a record first.
  const FIELDS = {
    name: 'Name',
    title: 'Titel',
    honorificPrefix: 'Anrede/Titel',
    givenName: 'Vorname',
    familyName: 'Nachname',
    shortName: 'Kurzname',
    entityType: 'Datensatz',
    changes: 'Änderung',
    status: 'Status',
    role: 'Rolle',
    kind: 'Art',
    level: 'Ebene',
    signedOn: 'Unterzeichnet am',
    terminatedOn: 'Beendet am',
    heldOn: 'Datum',
    publishedOn: 'Veröffentlicht am',
    joinedOn: 'Beitritt',
    leftOn: 'Austritt',
    validFrom: 'Gültig ab',
    validTo: 'Gültig bis',
    foundedOn: 'Gegründet am',
    location: 'Ort',
    website: 'Website',
    url: 'Adresse',
    regionId: 'Region',
    allianceId: 'Allianz',
    organisationId: 'Organisation',
    personId: 'Person',
    agreementId: 'Vereinbarung',
    publisherId: 'Herausgeber',
    parties: 'Parteien',
    commitments: 'Verpflichtungen',
    participantIds: 'Teilnehmende',
    instruments: 'Instrumente',
    links: 'Verknüpfungen',
    quotes: 'Zitate',
    description: 'Beschreibung',
    outcome: 'Ergebnis',
    body: 'Text',
    position: 'Position',
    archivedAt: 'Archiviert',
    note: 'Anmerkung',
    reason: 'Begründung',
    proposedBy: 'Vorgeschlagen von',
    decidedBy: 'Entschieden von',
    decidedAt: 'Entschieden am',
  };
  const FIELD_ORDER = Object.keys(FIELDS);
  // Ids, versions and who created a record say nothing a reader needs in a summary (the actor is
  // in a column of its own, and a write that applies a proposal names its proposer as well).
  const UNSUMMARISED = new Set(['id', 'createdBy', 'entityId', 'baseVersion', 'proposalId']);
  const SUMMARY_ITEMS = 4;
  const TEXT_LENGTH = 80;

  const VALUES = {
    DRAFT: 'Entwurf',
    SIGNED: 'unterzeichnet',
    TERMINATED: 'beendet',
    LOCAL: 'lokal',
    REGIONAL: 'regional',
    STATE: 'Land',
    ACTIVE: 'aktiv',
    DISSOLVED: 'aufgelöst',
    LEAD: 'Federführung',
    PARTNER: 'Partner',
    PLANNED: 'geplant',
    HELD: 'abgehalten',
    CANCELLED: 'abgesagt',
    TOP_LEVEL_MEETING: 'Spitzengespräch',
    SKILLED_LABOUR_CONFERENCE: 'Fachkräftekonferenz',
    OPEN: 'offen',
    ACCEPTED: 'angenommen',
    REJECTED: 'abgelehnt',
    WITHDRAWN: 'zurückgezogen',
    ANNOUNCES: 'kündigt an',
    MENTIONS: 'erwähnt',
    ANNUAL_TOP_LEVEL_MEETING: 'jährliches Spitzengespräch',
    COMMUNICATION_PLATFORM: 'gemeinsame Kommunikationsplattform',
    MUTUAL_INFORMATION: 'gegenseitige Information',
    MUTUAL_SUPPORT: 'gegenseitige Unterstützung',
    PERMANENT_REPRESENTATIVE: 'ständiger Vertreter',
    SHARED_MONITORING: 'gemeinsames Monitoring',
    ...KIND_LABELS,
  };

  // What a proposal's record is looked up with, to name it and show the values it would change.
  const RECORDS = {
    Organisation: (variable) => `organisation(id: ${variable}) { name shortName kind website region { name } }`,
    Person: (variable) => `person(id: ${variable}) { displayName honorificPrefix givenName familyName }`,
    Region: (variable) => `region(id: ${variable}) { name }`,
  };

  const QUERIES = {
    state: 'query OverviewState { regions(kind: STATE) { id name code } }',
    coverage: `query OverviewCoverage($stateId: ID!, $asOf: Date) {
      coverage(stateId: $stateId, asOf: $asOf) {
        region { id code name }
        alliances { id name }
        agreementWithState { id title signedOn }
        lastTopLevelMeetingOn
        topLevelMeetingOverdue
      }
    }`,
    overdue: `query OverviewOverdue($asOf: Date) {
      overdueCommitments(asOf: $asOf) {
        commitment { id agreement { id title parties { alliance { id name } } } }
        lastFulfilledOn
        nextDueOn
      }
    }`,
    stats: `query OverviewStats($asOf: Date) {
      stats(asOf: $asOf) { alliances regionalAlliances organisations organisationsByKind { kind count } agreementsSigned meetingsHeld releases }
    }`,
    releases: `query OverviewReleases($asOf: Date) {
      releases(first: 5, asOf: $asOf) {
        totalCount
        edges { node { id title publishedOn url publisher { id name nameHistory { name validFrom validTo } } } }
      }
    }`,
    proposals: `query OverviewOpenProposals($first: Int!) {
      proposals(filter: { status: OPEN }, first: $first) {
        totalCount
        edges { node { id entityType entityId changes note proposedBy proposedAt } }
      }
    }`,
    changes: `query OverviewChanges($first: Int!) {
      changes(first: $first) { edges { node { id at actor action entityType entityId changes } } }
    }`,
  };

  const numberFormat = new Intl.NumberFormat('de-DE');
  const dateFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const instantFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  const DAY_MS = 24 * 60 * 60 * 1000;

  const $ = (id) => document.getElementById(id);

  // The token's claims (sub, role), read without checking the signature: only to say who is signed
  // in and to leave out what the role may not read. The API checks the token on every request.
  function tokenClaims(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
      return claims && typeof claims === 'object' ? claims : {};
    } catch {
      return {};
    }
  }

  // ---- formatting ------------------------------------------------------------------------------

  const utcDay = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  const formatDate = (iso) => (iso ? dateFormat.format(new Date(utcDay(iso))) : '—');
  const todayIso = () => {
    const now = new Date();
    return [now.getFullYear(), String(now.getMonth() + 1).padStart(2, '0'), String(now.getDate()).padStart(2, '0')].join('-');
  };
  // The Stichtag is shown and typed as TT.MM.JJJJ whatever the browser's locale (a date input
  // would follow the browser's), and travels as YYYY-MM-DD in the URL and to the API.
  const germanFromIso = (iso) => iso.split('-').reverse().join('.');
  function isoFromGerman(text) {
    const parts = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
    if (!parts) return null;
    const [day, month, year] = parts.slice(1).map(Number);
    const date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return [String(year).padStart(4, '0'), String(month).padStart(2, '0'), String(day).padStart(2, '0')].join('-');
  }
  const daysBetween = (fromIso, toIso) => Math.round((utcDay(toIso) - utcDay(fromIso)) / DAY_MS);

  // The registry keeps every name an organisation had; a release shows the one it bore that day.
  const nameOn = (organisation, iso) => {
    const match = organisation.nameHistory.find((n) => (!n.validFrom || n.validFrom <= iso) && (!n.validTo || iso < n.validTo));
    return match ? match.name : organisation.name;
  };

  const coverageOf = (row) => {
    if (row.alliances.length === 0) return 'none';
    if (!row.agreementWithState) return 'alliance';
    return row.topLevelMeetingOverdue ? 'overdue' : 'current';
  };

  // Splits a region's name into at most two lines that fit a tile, at a hyphen or a space.
  const labelLines = (name, span) => {
    if (name.length <= LABEL_WIDTH_CHARS * span) return [name];
    const space = name.lastIndexOf(' ', LABEL_WIDTH_CHARS);
    if (space > 0) return [name.slice(0, space), name.slice(space + 1)];
    const hyphen = name.lastIndexOf('-', LABEL_WIDTH_CHARS - 1);
    return hyphen > 0 ? [name.slice(0, hyphen + 1), name.slice(hyphen + 1)] : [name];
  };

  const formatInstant = (iso) => instantFormat.format(new Date(iso));

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
  const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
  const isReference = (value) =>
    (typeof value === 'string' && UUID.test(value)) || (Array.isArray(value) && value.length > 0 && value.every(isReference));

  const shorten = (text) => (text.length > TEXT_LENGTH ? `${text.slice(0, TEXT_LENGTH - 1).trimEnd()}…` : text);

  /** A value of a changed field as a reader would say it: dates in German, codes as words, long texts cut. */
  function describeValue(value) {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? 'ja' : 'nein';
    if (typeof value === 'number') return numberFormat.format(value);
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) return value.length ? shorten(value.map(describeValue).join(', ')) : '—';
      return value.length === 1 ? '1 Eintrag' : `${numberFormat.format(value.length)} Einträge`;
    }
    if (typeof value === 'object') return Object.keys(value).map(fieldLabel).join(', ') || '—';
    if (ISO_DAY.test(value)) return formatDate(value);
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatInstant(value);
    if (Object.hasOwn(VALUES, value)) return VALUES[value];
    if (Object.hasOwn(ENTITY_TYPES, value)) return entityTypeLabel(value);
    return `„${shorten(value)}“`;
  }

  const fieldLabel = (field) => (Object.hasOwn(FIELDS, field) ? FIELDS[field] : field);
  const fieldRank = (field) => {
    const rank = FIELD_ORDER.indexOf(field);
    return rank < 0 ? FIELD_ORDER.length : rank;
  };

  /**
   * One line per changed field of an audit event, "Label: before → after", those that identify a
   * record first. A field that holds ids says only whether it was set, changed or cleared: an id
   * means nothing to a reader.
   */
  function changeList(changes) {
    const lines = Object.entries(changes)
      .filter(([field]) => !UNSUMMARISED.has(field))
      .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
      .map(([field, [before, after]]) => {
        const label = fieldLabel(field);
        if (isReference(before) || isReference(after)) {
          const what = before === null ? 'gesetzt' : after === null ? 'entfernt' : 'geändert';
          return `${label} ${what}`;
        }
        if (before === null) return `${label}: ${describeValue(after)}`;
        return `${label}: ${describeValue(before)} → ${describeValue(after)}`;
      });
    return summaryList(lines);
  }

  /** The lines as a list, the first `shown` of them and a count of the rest. */
  function summaryList(lines, shown = SUMMARY_ITEMS) {
    const list = el('ul', { className: 'change-list' }, ...lines.slice(0, shown).map((line) => el('li', {}, line)));
    const rest = lines.length - shown;
    if (rest > 0)
      list.append(el('li', { className: 'muted' }, rest === 1 ? 'und 1 weiteres Feld' : `und ${numberFormat.format(rest)} weitere Felder`));
    if (!lines.length) list.append(el('li', { className: 'muted' }, 'keine Felder'));
    return list;
  }

  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (key === 'className') node.className = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  };
  const svg = (tag, attributes = {}, ...children) => {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    node.append(...children);
    return node;
  };

  // ---- sections --------------------------------------------------------------------------------

  function sectionError(section, error) {
    const box = document.querySelector(`[data-error-for="${section}"]`);
    if (!error) {
      box.hidden = true;
      box.textContent = '';
      return;
    }
    box.hidden = false;
    box.textContent = `Diese Angaben konnten nicht geladen werden: ${error.message}`;
  }

  function drawMap() {
    const columns = 4;
    const rows = 4;
    const width = columns * TILE.width + (columns - 1) * TILE.gap;
    const height = rows * TILE.height + (rows - 1) * TILE.gap;
    const map = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-labelledby': 'map-title', class: 'map__svg' });
    for (const tile of TILES) {
      const span = tile.span || 1;
      const x = tile.col * (TILE.width + TILE.gap);
      const y = tile.row * (TILE.height + TILE.gap);
      const w = span * TILE.width + (span - 1) * TILE.gap;
      const region = svg('a', {
        href: `#region-${tile.code}`,
        class: 'region',
        'data-region-code': tile.code,
        'data-span': span,
        'aria-label': tile.name,
      });
      region.append(
        svg('title', {}, tile.name),
        svg('rect', { x, y, width: w, height: TILE.height, rx: 12, class: 'region__shape' }),
        svg('text', { x: x + w - 12, y: y + 22, 'text-anchor': 'end', class: 'region__code' }, tile.code),
        svg('text', { x: x + w / 2, y: y + TILE.height / 2, 'text-anchor': 'middle', class: 'region__name' }),
        svg('text', { x: x + w / 2, y: y + TILE.height - 18, 'text-anchor': 'middle', class: 'region__status' }, 'Wird geladen …'),
      );
      map.append(region);
      labelRegion(region, tile.name, span);
    }
    $('map').replaceChildren(map);

    $('legend').replaceChildren(
      ...Object.entries(COVERAGE).map(([key, { label }]) =>
        el(
          'li',
          { className: 'legend__item', 'data-legend': key },
          el('span', { className: `swatch swatch--${key}`, 'aria-hidden': 'true' }),
          el('span', {}, label),
          el('span', { className: 'legend__count' }),
        ),
      ),
    );
  }

  function labelRegion(region, name, span) {
    const text = region.querySelector('.region__name');
    const lines = labelLines(name, span);
    const x = text.getAttribute('x');
    const lineHeight = 19;
    text.replaceChildren(
      ...lines.map((line, i) => svg('tspan', { x, dy: i === 0 ? -((lines.length - 1) * lineHeight) / 2 + 4 : lineHeight }, line)),
    );
  }

  function markUnknown(region) {
    region.removeAttribute('data-coverage');
    region.querySelector('.region__status').textContent = 'Keine Angaben';
  }

  function coverageUnavailable() {
    for (const region of document.querySelectorAll('.region')) markUnknown(region);
    $('coverage-summary').textContent = 'Nicht verfügbar';
  }

  function renderCoverage(rows, asOf) {
    const byCode = new Map(rows.map((row) => [row.region.code, row]));
    const counts = { none: 0, alliance: 0, current: 0, overdue: 0 };

    for (const region of document.querySelectorAll('.region')) {
      const row = byCode.get(region.getAttribute('data-region-code'));
      if (!row) {
        markUnknown(region);
        continue;
      }
      const coverage = coverageOf(row);
      counts[coverage] += 1;
      const span = Number(region.getAttribute('data-span'));
      labelRegion(region, row.region.name, span);
      region.setAttribute('data-coverage', coverage);
      const description = describeRegion(row, coverage);
      region.setAttribute('aria-label', `${row.region.name}: ${description}`);
      region.querySelector('title').textContent = `${row.region.name} (${row.region.code})\n${description}`;
      region.querySelector('.region__status').textContent = COVERAGE[coverage].short;
    }

    for (const item of document.querySelectorAll('[data-legend]')) {
      item.querySelector('.legend__count').textContent = numberFormat.format(counts[item.getAttribute('data-legend')]);
    }
    const withAgreement = counts.current + counts.overdue;
    $('coverage-summary').textContent =
      `Stichtag ${formatDate(asOf)}: ${numberFormat.format(withAgreement)} von ${numberFormat.format(rows.length)} Regionen mit Vereinbarung` +
      (counts.overdue ? ` · ${numberFormat.format(counts.overdue)} mit überfälligem Spitzengespräch` : '');

    $('coverage-rows').replaceChildren(
      ...rows.map((row) => {
        const coverage = coverageOf(row);
        return el(
          'tr',
          { id: `region-${row.region.code}`, 'data-region-code': row.region.code },
          el('th', { scope: 'row' }, row.region.name, el('span', { className: 'muted code' }, ` ${row.region.code}`)),
          el('td', {}, el('span', { className: `badge badge--${coverage}` }, COVERAGE[coverage].short)),
          el('td', {}, row.alliances.length ? row.alliances.map((a) => a.name).join(', ') : '—'),
          el(
            'td',
            {},
            row.agreementWithState
              ? `${row.agreementWithState.title}${row.agreementWithState.signedOn ? ` (unterzeichnet am ${formatDate(row.agreementWithState.signedOn)})` : ''}`
              : '—',
          ),
          el('td', {}, formatDate(row.lastTopLevelMeetingOn)),
        );
      }),
    );
  }

  function describeRegion(row, coverage) {
    const parts = [COVERAGE[coverage].label];
    if (row.alliances.length) parts.push(`Bündnis: ${row.alliances.map((a) => a.name).join(', ')}`);
    if (row.agreementWithState)
      parts.push(`Letztes Spitzengespräch: ${row.lastTopLevelMeetingOn ? formatDate(row.lastTopLevelMeetingOn) : 'noch keines'}`);
    return parts.join('. ');
  }

  function renderOverdue(rows, asOf) {
    $('overdue-empty').hidden = rows.length > 0;
    $('overdue-rows').replaceChildren(
      ...rows.map((row) => {
        const { agreement } = row.commitment;
        const days = daysBetween(row.nextDueOn, asOf);
        return el(
          'tr',
          { 'data-commitment-id': row.commitment.id },
          el('td', { 'data-field': 'agreement' }, agreement.title),
          el(
            'td',
            { 'data-field': 'parties' },
            el('ul', { className: 'plain-list' }, ...agreement.parties.map((p) => el('li', {}, p.alliance.name))),
          ),
          el('td', { 'data-field': 'lastFulfilledOn' }, row.lastFulfilledOn ? formatDate(row.lastFulfilledOn) : 'noch nie'),
          el('td', { 'data-field': 'nextDueOn' }, formatDate(row.nextDueOn)),
          el('td', { 'data-field': 'daysOverdue', className: 'num overdue-days' }, numberFormat.format(days)),
        );
      }),
    );
  }

  function renderStats(stats) {
    for (const node of document.querySelectorAll('[data-stat]'))
      node.textContent = numberFormat.format(stats[node.getAttribute('data-stat')]);
    const kinds = [...stats.organisationsByKind].sort((a, b) => b.count - a.count);
    const max = Math.max(1, ...kinds.map((k) => k.count));
    $('kinds').replaceChildren(
      ...kinds.map((k) => {
        const bar = el('span', { className: 'kinds__bar', 'aria-hidden': 'true' });
        bar.style.setProperty('--share', String(k.count / max));
        return el(
          'li',
          { className: 'kinds__item' },
          el('span', { className: 'kinds__label' }, ORGANISATION_KINDS[k.kind] || k.kind),
          el('span', { className: 'kinds__count' }, numberFormat.format(k.count)),
          bar,
        );
      }),
    );
  }

  function renderReleases(connection) {
    const releases = connection.edges.map((e) => e.node);
    $('releases-empty').hidden = releases.length > 0;
    $('releases-total').textContent = connection.totalCount ? `${numberFormat.format(connection.totalCount)} insgesamt` : '';
    $('releases').replaceChildren(
      ...releases.map((release) => {
        const title = release.url
          ? el('a', { href: release.url, rel: 'noopener noreferrer' }, release.title)
          : el('span', {}, release.title);
        title.classList.add('release__title');
        const meta = el(
          'p',
          { className: 'release__meta' },
          el('time', { datetime: release.publishedOn }, formatDate(release.publishedOn)),
        );
        if (release.publisher)
          meta.append(' · ', el('span', { className: 'release__publisher' }, nameOn(release.publisher, release.publishedOn)));
        return el('li', { className: 'release', 'data-release-id': release.id }, meta, title);
      }),
    );
  }

  // A cell whose content is one element: the stacked layout of narrow screens puts its label
  // beside it in a grid of two columns.
  const cell = (tag, label, field, ...children) =>
    el(tag, { role: tag === 'th' ? 'rowheader' : 'cell', 'data-label': label, 'data-field': field }, el('div', {}, ...children));
  const instant = (iso) => el('time', { datetime: iso }, formatInstant(iso));

  /**
   * The records that proposals change, and the regions they would move organisations to, looked up
   * by id: at most MAX_ROOT_FIELDS to an operation, the operations side by side. A record that is
   * gone (or hidden from the caller) is null.
   */
  async function lookUp(references) {
    const chunks = [];
    for (let i = 0; i < references.length; i += MAX_ROOT_FIELDS) chunks.push(references.slice(i, i + MAX_ROOT_FIELDS));
    const answers = await Promise.all(
      chunks.map(async (chunk) => {
        const variables = Object.fromEntries(chunk.map(({ id }, i) => [`r${i}`, id]));
        const query = `query OverviewProposalRecords(${chunk.map((_, i) => `$r${i}: ID!`).join(', ')}) {
          ${chunk.map(({ type }, i) => `r${i}: ${RECORDS[type](`$r${i}`)}`).join('\n')}
        }`;
        const data = await gql(query, variables);
        return chunk.map(({ type, id }, i) => [`${type}:${id}`, data[`r${i}`]]);
      }),
    );
    return new Map(answers.flat());
  }

  const proposalChanges = (proposal) => JSON.parse(proposal.changes);

  async function loadProposals(own) {
    const { proposals } = await gql(QUERIES.proposals, { first: ACTIVITY_PAGE });
    const nodes = proposals.edges.map((e) => e.node);
    const references = new Map();
    for (const proposal of nodes) {
      if (Object.hasOwn(RECORDS, proposal.entityType))
        references.set(`${proposal.entityType}:${proposal.entityId}`, { type: proposal.entityType, id: proposal.entityId });
      const { regionId } = proposalChanges(proposal);
      if (regionId) references.set(`Region:${regionId}`, { type: 'Region', id: regionId });
    }
    renderProposals(proposals.totalCount, nodes, await lookUp([...references.values()]), own);
  }

  const recordName = (type, record) => (!record ? null : type === 'Person' ? record.displayName : record.name);

  /**
   * What a proposal would change, one line per field: "Label: now → proposed" (only the proposed
   * value when the record cannot be read any more), a rename with the day it takes effect.
   */
  function proposedChanges(proposal, record, records) {
    const { validFrom, ...changes } = proposalChanges(proposal);
    const region = (id) => (id ? recordName('Region', records.get(`Region:${id}`)) || 'unbekannte Region' : '—');
    const lines = Object.entries(changes)
      .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
      .map(([field, value]) => {
        const proposed = field === 'regionId' ? region(value) : describeValue(value);
        let line = `${fieldLabel(field)}: ${proposed}`;
        if (record) {
          const now = field === 'regionId' ? (record.region ? record.region.name : '—') : describeValue(record[field]);
          line = `${fieldLabel(field)}: ${now} → ${proposed}`;
        }
        return field === 'name' && validFrom ? `${line} ab ${formatDate(validFrom)}` : line;
      });
    // Whoever decides on a proposal needs all of it; it has at most the six fields a proposal takes.
    return summaryList(lines, lines.length);
  }

  function renderProposals(totalCount, proposals, records, own) {
    const shown = proposals.length;
    $('proposals-empty').textContent = own ? 'Sie haben keine offenen Änderungsvorschläge.' : 'Keine offenen Änderungsvorschläge.';
    $('proposals-empty').hidden = shown > 0;
    $('proposals-table').hidden = shown === 0;
    const count = `${numberFormat.format(totalCount)} ${own ? 'eigene offen' : 'offen'}`;
    $('proposals-total').textContent = totalCount > shown ? `${count} · die neuesten ${numberFormat.format(shown)}` : count;
    $('proposal-rows').replaceChildren(
      ...proposals.map((proposal) => {
        const record = records.get(`${proposal.entityType}:${proposal.entityId}`);
        return el(
          'tr',
          { role: 'row', 'data-proposal-id': proposal.id },
          cell(
            'th',
            'Datensatz',
            'record',
            el('span', { className: 'record-type' }, entityTypeLabel(proposal.entityType)),
            ' ',
            el('span', { className: 'record-name' }, recordName(proposal.entityType, record) || 'nicht mehr vorhanden'),
          ),
          cell('td', 'Vorgeschlagene Änderung', 'changes', proposedChanges(proposal, record, records)),
          cell('td', 'Vorgeschlagen von', 'proposedBy', proposal.proposedBy),
          cell('td', 'Am', 'proposedAt', instant(proposal.proposedAt)),
          cell('td', 'Anmerkung', 'note', proposal.note || '—'),
        );
      }),
    );
  }

  function renderChanges(events) {
    $('changes-empty').hidden = events.length > 0;
    $('changes-table').hidden = events.length === 0;
    $('changes-total').textContent = events.length ? `Die neuesten ${numberFormat.format(events.length)}, neueste zuerst` : '';
    $('change-rows').replaceChildren(
      ...events.map((event) =>
        el(
          'tr',
          { role: 'row', 'data-event-id': event.id },
          cell('td', 'Zeitpunkt', 'at', instant(event.at)),
          cell('td', 'Von', 'actor', event.actor),
          cell('td', 'Aktion', 'action', actionLabel(event.action)),
          cell('td', 'Datensatz', 'entityType', entityTypeLabel(event.entityType)),
          cell('td', 'Änderungen', 'changes', changeList(JSON.parse(event.changes))),
        ),
      ),
    );
  }

  // ---- loading ---------------------------------------------------------------------------------

  const REFUSED = 'Das Token wurde nicht angenommen (ungültig oder abgelaufen). Bitte geben Sie ein gültiges Token ein.';

  /** The token bar: whether a token is set and whose, and why one was dropped. */
  function showTokenState(message) {
    const token = storedToken();
    const { sub, role } = token ? tokenClaims(token) : {};
    let state = 'Ohne Token: letzte Änderungen und Änderungsvorschläge erst nach Anmeldung';
    if (token) state = sub && Object.hasOwn(ROLE_LABELS, role) ? `Token gesetzt: ${sub} (${ROLE_LABELS[role]})` : 'Token gesetzt';
    $('token-state').textContent = state;
    $('token-forget').hidden = !token;
    const error = $('token-error');
    error.hidden = !message;
    error.textContent = message || '';
  }

  /** Empties the sections a token opens, so that another token never sees what the last one was shown. */
  function clearActivity() {
    for (const id of ['proposal-rows', 'change-rows', 'proposals-total', 'changes-total']) $(id).replaceChildren();
  }

  function showToken() {
    $('token-section').hidden = false;
    $('dashboard').hidden = true;
    $('as-of-form').hidden = true;
    $('token-input').focus();
  }

  function showGlobalError(error) {
    const box = $('global-error');
    box.hidden = !error;
    box.textContent = error ? `Die Übersicht konnte nicht geladen werden: ${error.message}` : '';
  }

  async function section(name, load) {
    sectionError(name, null);
    try {
      await load();
    } catch (error) {
      if (error instanceof ApiError && error.needsToken) throw error;
      sectionError(name, error);
    }
  }

  async function load() {
    const asOf = isoFromGerman($('as-of').value) || todayIso();
    document.body.setAttribute('data-state', 'loading');
    showGlobalError(null);
    // The change feed takes a token of any role; proposals only the roles that may list them.
    const token = storedToken();
    const { role } = token ? tokenClaims(token) : {};
    const listsProposals = PROPOSAL_ROLES.includes(role);
    $('changes-section').hidden = !token;
    $('proposals-section').hidden = !listsProposals;
    try {
      const { regions } = await gql(QUERIES.state);
      const state = regions[0];
      if (!state) throw new ApiError('Im Register ist kein Land erfasst.');
      $('token-section').hidden = true;
      $('dashboard').hidden = false;
      $('as-of-form').hidden = false;
      const activity = [];
      if (token)
        activity.push(
          section('changes', async () =>
            renderChanges((await gql(QUERIES.changes, { first: ACTIVITY_PAGE })).changes.edges.map((e) => e.node)),
          ),
        );
      if (listsProposals) activity.push(section('proposals', () => loadProposals(role === 'COORDINATOR')));
      await Promise.all([
        section('coverage', async () => {
          try {
            renderCoverage((await gql(QUERIES.coverage, { stateId: state.id, asOf })).coverage, asOf);
          } catch (error) {
            coverageUnavailable();
            throw error;
          }
        }),
        section('overdue', async () => renderOverdue((await gql(QUERIES.overdue, { asOf })).overdueCommitments, asOf)),
        section('stats', async () => renderStats((await gql(QUERIES.stats, { asOf })).stats)),
        section('releases', async () => renderReleases((await gql(QUERIES.releases, { asOf })).releases)),
        ...activity,
      ]);
      document.body.setAttribute('data-state', 'ready');
    } catch (error) {
      if (error instanceof ApiError && error.needsToken && token && storedToken() === token) {
        // A token the API refuses (mistyped, expired, signed for another service) is dropped: the
        // page carries on without it where anyone may read, and asks for another where no one may.
        sessionStorage.removeItem(TOKEN_KEY);
        clearActivity();
        showTokenState(REFUSED);
        return load();
      }
      document.body.setAttribute('data-state', 'error');
      if (error instanceof ApiError && error.needsToken) showToken();
      else showGlobalError(error);
    }
  }

  function start() {
    const asOfInput = $('as-of');
    const given = new URLSearchParams(location.search).get('stichtag');
    asOfInput.value = germanFromIso(given && isoFromGerman(germanFromIso(given)) ? given : todayIso());
    $('as-of-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const iso = isoFromGerman(asOfInput.value);
      $('as-of-error').hidden = iso !== null;
      $('as-of-error').textContent = iso ? '' : 'Bitte ein Datum in der Form TT.MM.JJJJ eingeben, z. B. 31.12.2015.';
      asOfInput.setAttribute('aria-invalid', String(iso === null));
      if (!iso) return;
      asOfInput.value = germanFromIso(iso);
      const url = new URL(location.href);
      url.searchParams.set('stichtag', iso);
      history.replaceState(null, '', url);
      load();
    });
    // Kept for this browser session only, under the key the GraphQL explorer's token bar uses too.
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('token-input')
        .value.trim()
        .replace(/^Bearer\s+/i, '');
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      $('token-input').value = '';
      clearActivity();
      showTokenState();
      load();
    });
    $('token-forget').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      clearActivity();
      showTokenState();
      // The button hides itself; focus goes where a new token would be entered.
      $('token-input').focus();
      load();
    });
    showTokenState();
    drawMap();
    load();
  }

  start();
})();
