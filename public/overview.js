'use strict';

// The overview page: everything it shows comes from POST /graphql. No framework and no build
// step, so the page works from the repo's files alone, in networks without internet access.
(() => {
  const TOKEN_KEY = 'allianzregister.token';
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
    stats: `query OverviewStats {
      stats { alliances regionalAlliances organisations organisationsByKind { kind count } agreementsSigned meetingsHeld releases }
    }`,
    releases: `query OverviewReleases {
      releases(first: 5) {
        totalCount
        edges { node { id title publishedOn url publisher { id name nameHistory { name validFrom validTo } } } }
      }
    }`,
  };

  const numberFormat = new Intl.NumberFormat('de-DE');
  const dateFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const DAY_MS = 24 * 60 * 60 * 1000;

  const $ = (id) => document.getElementById(id);

  class ApiError extends Error {
    constructor(message, codes = []) {
      super(message);
      this.codes = codes;
    }
    get needsToken() {
      return this.codes.includes('UNAUTHENTICATED');
    }
  }

  const storedToken = () => sessionStorage.getItem(TOKEN_KEY);

  async function gql(query, variables = {}) {
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    const token = storedToken();
    if (token) headers.authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    } catch {
      throw new ApiError('Die Schnittstelle ist nicht erreichbar. Bitte prüfen Sie die Verbindung und laden Sie die Seite neu.');
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(`Unerwartete Antwort der Schnittstelle (HTTP ${response.status}).`);
    }
    if (body.errors && body.errors.length) {
      const codes = body.errors.map((e) => e.extensions && e.extensions.code).filter(Boolean);
      const message = body.errors
        .map((e) => (e.extensions && e.extensions.code ? `${e.message} (${e.extensions.code})` : e.message))
        .join('; ');
      throw new ApiError(message, codes);
    }
    if (!response.ok || !body.data) throw new ApiError(`Unerwartete Antwort der Schnittstelle (HTTP ${response.status}).`);
    return body.data;
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

  // ---- loading ---------------------------------------------------------------------------------

  function showToken(message) {
    $('token-section').hidden = false;
    $('dashboard').hidden = true;
    $('as-of-form').hidden = true;
    const error = $('token-error');
    error.hidden = !message;
    error.textContent = message || '';
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
    const asOf = $('as-of').value || todayIso();
    showGlobalError(null);
    $('sign-out').hidden = !storedToken();
    try {
      const { regions } = await gql(QUERIES.state);
      const state = regions[0];
      if (!state) throw new ApiError('Im Register ist kein Land erfasst.');
      $('token-section').hidden = true;
      $('dashboard').hidden = false;
      $('as-of-form').hidden = false;
      document.body.setAttribute('data-state', 'loading');
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
        section('stats', async () => renderStats((await gql(QUERIES.stats)).stats)),
        section('releases', async () => renderReleases((await gql(QUERIES.releases)).releases)),
      ]);
      document.body.setAttribute('data-state', 'ready');
    } catch (error) {
      document.body.setAttribute('data-state', 'error');
      if (error instanceof ApiError && error.needsToken) {
        showToken(
          storedToken() ? 'Das Token wurde nicht angenommen (ungültig oder abgelaufen). Bitte geben Sie ein gültiges Token ein.' : '',
        );
      } else {
        showGlobalError(error);
      }
    }
  }

  function start() {
    const asOfInput = $('as-of');
    asOfInput.value = new URLSearchParams(location.search).get('stichtag') || todayIso();
    $('as-of-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const url = new URL(location.href);
      url.searchParams.set('stichtag', asOfInput.value);
      history.replaceState(null, '', url);
      load();
    });
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('token-input')
        .value.trim()
        .replace(/^Bearer\s+/i, '');
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      $('token-input').value = '';
      load();
    });
    $('sign-out').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      load();
    });
    drawMap();
    load();
  }

  start();
})();
