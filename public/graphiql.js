'use strict';

// Boots GraphiQL from the service's own copies of its browser builds (no CDN), against this
// service's endpoint. The token bar above it keeps a token for this browser session only (the same
// one the overview page keeps), and every request GraphiQL sends reads it anew, so a token entered
// while PUBLIC_READ=true lets ministry staff write from the explorer without reloading it.
(() => {
  const { TOKEN_KEY, storedToken } = window.RegistryApi;
  const container = document.getElementById('graphiql');
  const $ = (id) => document.getElementById(id);

  function showTokenState() {
    const token = storedToken();
    $('token-state').textContent = token ? 'Token gesetzt: Abfragen und Änderungen mit diesem Token' : 'Ohne Token: nur lesen';
    $('token-forget').hidden = !token;
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token-input')
      .value.trim()
      .replace(/^Bearer\s+/i, '');
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token-input').value = '';
    showTokenState();
  });
  $('token-forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showTokenState();
  });
  showTokenState();

  if (!window.GraphiQL || !window.React || !window.ReactDOM) {
    const failed = document.createElement('p');
    failed.className = 'graphiql-failed';
    failed.textContent = 'Der GraphQL-Explorer konnte nicht geladen werden (Skripte fehlen).';
    container.replaceChildren(failed);
    return;
  }

  const fetcher = GraphiQL.createFetcher({
    url: new URL('/graphql', location.href).href,
    fetch: (input, init = {}) => {
      const token = storedToken();
      const headers = new Headers(init.headers);
      if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  });

  // Short lines: the editor does not wrap, and a long comment ran past its right edge.
  const defaultQuery = `# Allianzregister: GraphQL-API
#
# Strg+Enter führt aus; das Schema
# steht links im Explorer.
#
# Zum Schreiben oben das
# Zugangstoken eingeben (es gilt
# nur für diese Browsersitzung).

{
  alliances(first: 10) {
    totalCount
    edges {
      node {
        name
        level
        region { name code }
        lead { name }
      }
    }
  }
}
`;

  ReactDOM.createRoot(container).render(React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }));
})();
