'use strict';

// What every page of the service needs to talk to its GraphQL API: the token kept for this browser
// session (the key the explorer's token bar uses too), one request, its errors, and the words for
// the kinds of organisation its answers name. Loaded before each page's own script; no framework
// and no build step.
window.RegistryApi = (() => {
  const TOKEN_KEY = 'allianzregister.token';

  class ApiError extends Error {
    constructor(message, codes = [], fields = []) {
      super(message);
      this.codes = codes;
      this.fields = fields;
    }
    get needsToken() {
      return this.codes.includes('UNAUTHENTICATED');
    }
  }

  const storedToken = () => sessionStorage.getItem(TOKEN_KEY);

  /** The errors in words: each field the API names, else each message with its code. */
  function describe(errors) {
    const fields = errors.flatMap((e) => (e.extensions && e.extensions.fields) || []);
    if (fields.length) return fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return errors.map((e) => (e.extensions && e.extensions.code ? `${e.message} (${e.extensions.code})` : e.message)).join('; ');
  }

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
      const extensions = body.errors.map((e) => e.extensions || {});
      throw new ApiError(
        describe(body.errors),
        extensions.map((e) => e.code).filter(Boolean),
        extensions.flatMap((e) => e.fields || []),
      );
    }
    if (!response.ok || !body.data) throw new ApiError(`Unerwartete Antwort der Schnittstelle (HTTP ${response.status}).`);
    return body.data;
  }

  /** The kinds of organisation (OrganisationKind) in the registry's words, one of each. */
  const KIND_LABELS = {
    MINISTRY: 'Ministerium, Landesbehörde',
    CHAMBER_OF_COMMERCE: 'Industrie- und Handelskammer',
    CHAMBER_OF_CRAFTS: 'Handwerkskammer',
    EMPLOYMENT_AGENCY: 'Agentur für Arbeit',
    TRADE_UNION: 'Gewerkschaft',
    EMPLOYERS_ASSOCIATION: 'Arbeitgeberverband',
    ECONOMIC_DEVELOPMENT: 'Wirtschaftsförderung',
    MUNICIPALITY: 'Kommune, Regionalverband',
    EDUCATION: 'Bildung, Hochschule',
    WELCOME_CENTER: 'Welcome Center',
    OTHER: 'Sonstige',
  };

  return { TOKEN_KEY, ApiError, storedToken, gql, KIND_LABELS };
})();
