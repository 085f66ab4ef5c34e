'use strict';

// The review page for a press release: paste, analyseRelease marks what the registry reads in it,
// a person accepts or changes each proposal, importRelease writes it all in one transaction.
// No framework and no build step, like the overview page; no inline script or style (the CSP).
(() => {
  const { TOKEN_KEY, ApiError, storedToken, gql, KIND_LABELS: KINDS } = window.RegistryApi;

  const COMMITMENTS = {
    ANNUAL_TOP_LEVEL_MEETING: 'Jährliches Spitzengespräch',
    PERMANENT_REPRESENTATIVE: 'Ständiger Vertreter',
    MUTUAL_SUPPORT: 'Gegenseitige Unterstützung',
    MUTUAL_INFORMATION: 'Gegenseitige Information',
    SHARED_MONITORING: 'Gemeinsames Monitoring',
    COMMUNICATION_PLATFORM: 'Gemeinsame Kommunikationsplattform',
    OTHER: 'Sonstiges',
  };
  const RELATIONS = { MENTIONS: 'erwähnt', ANNOUNCES: 'kündigt an' };

  const ORGANISATION_FIELDS = 'id name nameHistory { name validFrom validTo }';
  const PERSON_FIELDS = 'text start end honorificPrefix givenName familyName title person { id displayName } organisation { id name }';
  const ANALYSE = `query ReviewAnalyse($text: String!, $publishedOn: Date) {
    analyseRelease(text: $text, publishedOn: $publishedOn) {
      title publishedOn body
      publisher { text start end organisation { ${ORGANISATION_FIELDS} } proposedName proposedKind }
      dates { text start end on }
      organisations { text start end organisation { ${ORGANISATION_FIELDS} } proposedName proposedKind }
      people { ${PERSON_FIELDS} }
      quotes { text start end speaker { ${PERSON_FIELDS} } }
      alliances { text start end alliance { id name } }
      agreement { title signedOn parties { text alliance { id name } } commitments { kind description instruments } }
    }
  }`;
  const IMPORT = `mutation ReviewImport($input: ImportReleaseInput!) {
    importRelease(input: $input) { id title publishedOn links { relation } quotes { text } }
  }`;

  const $ = (id) => document.getElementById(id);
  const dateFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const formatDate = (iso) => (iso ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : '—');

  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'className') node.className = value;
      else if (value === true) node.setAttribute(key, '');
      else node.setAttribute(key, value);
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  };

  // The registry keeps every name an organisation had; the release knew it by the one of its day.
  const nameOn = (organisation, iso) => {
    const match = iso && organisation.nameHistory.find((n) => (!n.validFrom || n.validFrom <= iso) && (!n.validTo || iso < n.validTo));
    return match ? match.name : organisation.name;
  };
  const describeOrganisation = (organisation, iso) => {
    const then = nameOn(organisation, iso);
    return then === organisation.name ? then : `${then} (heute: ${organisation.name})`;
  };
  const fold = (text) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  const displayName = (p) => [p.honorificPrefix, p.givenName, p.familyName].filter(Boolean).join(' ');

  // ---- state: one row per organisation, person and alliance, however often the text names it ----

  let analysis = null;
  let rows = null;
  let sourceText = '';

  const organisationKey = (m) => (m.organisation ? `o:${m.organisation.id}` : `n:${fold(m.proposedName)}`);
  const personKey = (m) => (m.person ? `p:${m.person.id}` : `n:${fold(m.givenName)}|${fold(m.familyName)}`);
  const allianceKey = (m) => (m.alliance ? `a:${m.alliance.id}` : `u:${fold(m.text)}`);

  function group(mentions, keyOf) {
    const byKey = new Map();
    for (const mention of mentions) {
      const key = keyOf(mention);
      if (!byKey.has(key)) byKey.set(key, { key, mentions: [] });
      byKey.get(key).mentions.push(mention);
    }
    return [...byKey.values()];
  }

  function buildRows(result) {
    const organisations = group(result.organisations, organisationKey);
    if (result.publisher && !organisations.some((row) => row.key === organisationKey(result.publisher))) {
      organisations.push({ key: organisationKey(result.publisher), mentions: [result.publisher], publisherOnly: true });
    }
    return {
      organisations,
      people: group(result.people, personKey),
      alliances: group(result.alliances, allianceKey),
      quotes: result.quotes.map((quote, index) => ({ key: `q:${index}`, quote })),
    };
  }

  // ---- the marked text ---------------------------------------------------------------------------

  function mentionsToMark(result) {
    const title = {
      date: (m) => `Datum: ${formatDate(m.on)}`,
      organisation: (m) =>
        m.organisation
          ? `Organisation im Register: ${describeOrganisation(m.organisation, result.publishedOn)}`
          : `Neue Organisation: ${m.proposedName}`,
      person: (m) => (m.person ? `Person im Register: ${m.person.displayName}` : `Neue Person: ${displayName(m) || m.text}`),
      alliance: (m) => (m.alliance ? `Allianz im Register: ${m.alliance.name}` : 'Allianz, nicht im Register'),
      quote: (m) => `Zitat von ${displayName(m.speaker)}`,
    };
    const marks = [];
    const add = (kind, list, keyOf) =>
      list.forEach((m) => marks.push({ kind, start: m.start, end: m.end, title: title[kind](m), key: keyOf ? keyOf(m) : '' }));
    add('quote', result.quotes);
    add('date', result.dates);
    add('organisation', result.publisher ? [...result.organisations, result.publisher] : result.organisations, organisationKey);
    add('person', result.people, personKey);
    add('alliance', result.alliances, allianceKey);
    return marks.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  // Marks nest (a quote holds the names in it); one that would cross another is listed, not marked.
  function renderMarkedText(text, marks) {
    const root = { end: text.length, children: [] };
    const stack = [root];
    for (const mark of marks) {
      while (stack.length > 1 && stack[stack.length - 1].end <= mark.start) stack.pop();
      const parent = stack[stack.length - 1];
      if (mark.end > parent.end) continue;
      const node = { ...mark, children: [] };
      parent.children.push(node);
      stack.push(node);
    }
    const render = (node, from, to) => {
      const parts = [];
      let at = from;
      for (const child of node.children) {
        if (child.start > at) parts.push(text.slice(at, child.start));
        const mark = el('mark', {
          className: `mention mention--${child.kind}`,
          title: child.title,
          'data-kind': child.kind,
          'data-key': child.key || undefined,
        });
        mark.append(...render(child, child.start, child.end));
        parts.push(mark);
        at = child.end;
      }
      if (at < to) parts.push(text.slice(at, to));
      return parts;
    };
    $('marked-text').replaceChildren(...render(root, 0, text.length));
  }

  // ---- proposals ---------------------------------------------------------------------------------

  const relationSelect = (name, selected = 'MENTIONS') =>
    el(
      'select',
      { name, 'aria-label': 'Beziehung' },
      ...Object.entries(RELATIONS).map(([value, label]) => el('option', { value, selected: value === selected }, label)),
    );

  const include = (checked = true) => el('input', { type: 'checkbox', name: 'include', checked, 'aria-label': 'übernehmen' });

  function organisationRow(row) {
    const first = row.mentions[0];
    const count = row.mentions.length;
    const item = el('li', { className: 'proposal', 'data-key': row.key, 'data-testid': 'organisation-row' });
    const head = el('label', { className: 'proposal__head' }, include(!row.publisherOnly), el('span', {}, `„${first.text}“`));
    if (count > 1) head.append(el('span', { className: 'muted' }, ` ${count}×`));
    item.append(head);
    if (first.organisation) {
      item.setAttribute('data-mode', 'existing');
      item.setAttribute('data-id', first.organisation.id);
      item.append(
        el(
          'p',
          { className: 'proposal__match' },
          'Im Register: ',
          el('strong', {}, describeOrganisation(first.organisation, analysis.publishedOn)),
        ),
      );
    } else {
      item.setAttribute('data-mode', 'new');
      item.append(
        el('p', { className: 'proposal__match proposal__match--new' }, 'Wird neu angelegt:'),
        el('input', { type: 'text', name: 'name', value: first.proposedName, maxlength: '300', 'aria-label': 'Name' }),
        el(
          'select',
          { name: 'kind', 'aria-label': 'Art' },
          ...Object.entries(KINDS).map(([value, label]) => el('option', { value, selected: value === first.proposedKind }, label)),
        ),
      );
    }
    item.append(relationSelect('relation'));
    return item;
  }

  function personRow(row) {
    const mention = row.mentions.find((m) => m.givenName) || row.mentions[0];
    const item = el('li', { className: 'proposal', 'data-key': row.key, 'data-testid': 'person-row' });
    item.append(el('label', { className: 'proposal__head' }, include(), el('span', {}, displayName(mention) || mention.text)));
    const about = [mention.title, mention.organisation && mention.organisation.name].filter(Boolean).join(', ');
    if (about) item.append(el('p', { className: 'muted' }, about));
    if (mention.person) {
      item.setAttribute('data-mode', 'existing');
      item.setAttribute('data-id', mention.person.id);
      item.append(el('p', { className: 'proposal__match' }, 'Im Register: ', el('strong', {}, mention.person.displayName)));
    } else {
      item.setAttribute('data-mode', 'new');
      item.append(
        el('p', { className: 'proposal__match proposal__match--new' }, 'Wird neu angelegt:'),
        el(
          'div',
          { className: 'proposal__name' },
          el('input', {
            type: 'text',
            name: 'honorificPrefix',
            value: mention.honorificPrefix || '',
            placeholder: 'Dr.',
            'aria-label': 'Titel',
          }),
          el('input', { type: 'text', name: 'givenName', value: mention.givenName, placeholder: 'Vorname', 'aria-label': 'Vorname' }),
          el('input', { type: 'text', name: 'familyName', value: mention.familyName, placeholder: 'Nachname', 'aria-label': 'Nachname' }),
        ),
      );
    }
    item.append(relationSelect('relation'));
    return item;
  }

  function allianceRow(row, parties) {
    const mention = row.mentions[0];
    const item = el('li', { className: 'proposal', 'data-key': row.key, 'data-testid': 'alliance-row' });
    if (!mention.alliance) {
      item.append(
        el('p', {}, `„${mention.text}“`),
        el('p', { className: 'muted' }, 'Nicht im Register; Allianzen werden hier nicht angelegt.'),
      );
      return item;
    }
    item.setAttribute('data-mode', 'existing');
    item.setAttribute('data-id', mention.alliance.id);
    item.append(
      el('label', { className: 'proposal__head' }, include(), el('span', {}, mention.alliance.name)),
      relationSelect('relation', parties.has(mention.alliance.id) ? 'ANNOUNCES' : 'MENTIONS'),
    );
    return item;
  }

  function quoteRow(row, people) {
    const { quote } = row;
    const speaker = personKey(quote.speaker);
    const item = el('li', { className: 'proposal', 'data-key': row.key, 'data-testid': 'quote-row' });
    item.append(
      el('label', { className: 'proposal__head' }, include(), el('span', {}, 'Zitat')),
      el('textarea', { name: 'text', rows: '3', 'aria-label': 'Zitat' }, quote.text),
      el(
        'select',
        { name: 'speaker', 'aria-label': 'Sprecher' },
        ...people.map((p) => {
          const m = p.mentions.find((x) => x.givenName) || p.mentions[0];
          return el('option', { value: p.key, selected: p.key === speaker }, displayName(m) || m.text);
        }),
      ),
    );
    return item;
  }

  function renderAgreement(agreement) {
    $('agreement-group').hidden = !agreement;
    if (!agreement) return;
    $('agreement-proposal').replaceChildren(
      el('p', {}, el('strong', {}, agreement.title)),
      el(
        'p',
        { className: 'muted' },
        `Unterzeichnet: ${formatDate(agreement.signedOn)} · Partner: ${agreement.parties.map((p) => (p.alliance ? p.alliance.name : p.text)).join(', ')}`,
      ),
      el(
        'ul',
        { className: 'plain-list commitments' },
        ...agreement.commitments.map((c) =>
          el(
            'li',
            { 'data-kind': c.kind },
            el('strong', {}, COMMITMENTS[c.kind] || c.kind),
            `: ${c.description}`,
            c.instruments.length ? el('span', { className: 'muted' }, ` (${c.instruments.join(', ')})`) : null,
          ),
        ),
      ),
    );
  }

  function renderReview(result) {
    analysis = result;
    rows = buildRows(result);
    const marks = mentionsToMark(result);
    renderMarkedText(sourceText, marks);
    const counts = ['date', 'organisation', 'person', 'alliance', 'quote'].map((kind) => marks.filter((m) => m.kind === kind).length);
    $('mention-summary').textContent =
      `${counts[0]} Daten · ${counts[1]} Organisationen · ${counts[2]} Personen · ${counts[3]} Allianzen · ${counts[4]} Zitate`;

    $('import-title').value = result.title || '';
    $('import-published-on').value = result.publishedOn || $('published-on').value || '';
    const publisherKey = result.publisher ? organisationKey(result.publisher) : '';
    $('import-publisher').replaceChildren(
      el('option', { value: '' }, '— kein Herausgeber —'),
      ...rows.organisations.map((row) => {
        const m = row.mentions[0];
        return el(
          'option',
          { value: row.key, selected: row.key === publisherKey },
          m.organisation ? m.organisation.name : `${m.proposedName} (neu)`,
        );
      }),
    );
    const parties = new Set(((result.agreement && result.agreement.parties) || []).flatMap((p) => (p.alliance ? [p.alliance.id] : [])));
    $('organisation-proposals').replaceChildren(...rows.organisations.map(organisationRow));
    $('person-proposals').replaceChildren(...rows.people.map(personRow));
    $('alliance-proposals').replaceChildren(...rows.alliances.map((row) => allianceRow(row, parties)));
    $('quote-proposals').replaceChildren(...rows.quotes.map((row) => quoteRow(row, rows.people)));
    renderAgreement(result.agreement);
    $('import-result').hidden = true;
    $('import-error').hidden = true;
    $('review').hidden = false;
    document.body.setAttribute('data-state', 'reviewing');
  }

  // ---- import ------------------------------------------------------------------------------------

  const value = (item, name) => item.querySelector(`[name="${name}"]`).value.trim();
  const included = (item) => {
    const box = item.querySelector('[name="include"]');
    return Boolean(box && box.checked);
  };

  /** What the person accepted and changed, as ImportReleaseInput. */
  function importInput() {
    const newOrganisations = [];
    const newPeople = [];
    const refs = new Map();
    const links = [];
    const publisher = $('import-publisher').value;

    for (const item of $('organisation-proposals').children) {
      const key = item.getAttribute('data-key');
      const wanted = included(item);
      if (!wanted && key !== publisher) continue;
      let id = item.getAttribute('data-id');
      if (item.getAttribute('data-mode') === 'new') {
        newOrganisations.push({ name: value(item, 'name'), kind: value(item, 'kind') });
        id = `new:${newOrganisations.length - 1}`;
      }
      refs.set(key, id);
      if (wanted) links.push({ relation: value(item, 'relation'), entityId: id });
    }
    for (const item of $('person-proposals').children) {
      if (!included(item)) continue;
      let id = item.getAttribute('data-id');
      if (item.getAttribute('data-mode') === 'new') {
        const honorificPrefix = value(item, 'honorificPrefix');
        newPeople.push({
          ...(honorificPrefix ? { honorificPrefix } : {}),
          givenName: value(item, 'givenName'),
          familyName: value(item, 'familyName'),
        });
        id = `newPerson:${newPeople.length - 1}`;
      }
      refs.set(item.getAttribute('data-key'), id);
      links.push({ relation: value(item, 'relation'), entityId: id });
    }
    for (const item of $('alliance-proposals').children) {
      if (item.getAttribute('data-mode') === 'existing' && included(item)) {
        links.push({ relation: value(item, 'relation'), entityId: item.getAttribute('data-id') });
      }
    }
    const quotes = [];
    for (const item of $('quote-proposals').children) {
      if (!included(item)) continue;
      const personId = refs.get(value(item, 'speaker'));
      if (!personId) throw new ApiError('Ein übernommenes Zitat hat einen Sprecher, der nicht übernommen wird.');
      quotes.push({ personId, text: value(item, 'text') });
    }
    const release = {
      title: $('import-title').value.trim(),
      publishedOn: $('import-published-on').value,
      body: analysis.body,
      links,
      quotes,
    };
    if (publisher) release.publisherId = refs.get(publisher);
    const url = $('release-url').value.trim();
    if (url) release.url = url;
    return { release, newOrganisations, newPeople };
  }

  function showImportError(error) {
    const box = $('import-error');
    box.hidden = !error;
    box.textContent = error ? `Der Import ist fehlgeschlagen: ${error.message}` : '';
  }

  async function importRelease(event) {
    event.preventDefault();
    showImportError(null);
    $('import-button').disabled = true;
    try {
      const { importRelease: release } = await gql(IMPORT, { input: importInput() });
      const result = $('import-result');
      result.replaceChildren(
        el('strong', {}, 'Gespeichert: '),
        `„${release.title}“ vom ${formatDate(release.publishedOn)} mit ${release.links.length} Verknüpfungen und ${release.quotes.length} Zitaten.`,
      );
      result.setAttribute('data-release-id', release.id);
      result.hidden = false;
      document.body.setAttribute('data-state', 'imported');
    } catch (error) {
      if (error instanceof ApiError && error.codes.includes('UNAUTHENTICATED'))
        showToken('Das Token wurde nicht angenommen. Bitte melden Sie sich erneut an.');
      showImportError(error);
      $('import-button').disabled = false;
    }
  }

  // ---- start -------------------------------------------------------------------------------------

  function showToken(message) {
    $('token-section').hidden = false;
    const error = $('token-error');
    error.hidden = !message;
    error.textContent = message || '';
    $('token-input').focus();
  }

  function showGlobalError(error) {
    const box = $('global-error');
    box.hidden = !error;
    box.textContent = error ? `Die Analyse ist fehlgeschlagen: ${error.message}` : '';
  }

  async function analyse(event) {
    event.preventDefault();
    showGlobalError(null);
    sourceText = $('release-text').value;
    const publishedOn = $('published-on').value || null;
    $('analyse-button').disabled = true;
    document.body.setAttribute('data-state', 'analysing');
    try {
      const { analyseRelease } = await gql(ANALYSE, { text: sourceText, publishedOn });
      $('import-button').disabled = false;
      renderReview(analyseRelease);
    } catch (error) {
      document.body.setAttribute('data-state', 'error');
      if (error instanceof ApiError && (error.codes.includes('UNAUTHENTICATED') || error.codes.includes('FORBIDDEN'))) {
        showToken(
          error.codes.includes('FORBIDDEN')
            ? 'Mit diesem Token dürfen keine Pressemitteilungen erfasst werden.'
            : 'Bitte melden Sie sich mit einem gültigen Token an.',
        );
      }
      showGlobalError(error);
    } finally {
      $('analyse-button').disabled = false;
    }
  }

  function start() {
    $('token-section').hidden = Boolean(storedToken());
    $('sign-out').hidden = !storedToken();
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('token-input')
        .value.trim()
        .replace(/^Bearer\s+/i, '');
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      $('token-input').value = '';
      $('token-section').hidden = true;
      $('sign-out').hidden = false;
    });
    $('sign-out').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      $('sign-out').hidden = true;
      showToken('');
    });
    $('analyse-form').addEventListener('submit', analyse);
    $('import-form').addEventListener('submit', importRelease);
    document.body.setAttribute('data-state', 'ready');
  }

  start();
})();
