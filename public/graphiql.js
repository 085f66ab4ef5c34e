'use strict';

// Boots GraphiQL from the service's own copies of its browser builds (no CDN), against this
// service's endpoint, with the overview page's token when the user entered one this session.
(() => {
  const TOKEN_KEY = 'allianzregister.token';
  const container = document.getElementById('graphiql');

  if (!window.GraphiQL || !window.React || !window.ReactDOM) {
    const failed = document.createElement('p');
    failed.className = 'graphiql-failed';
    failed.textContent = 'Der GraphQL-Explorer konnte nicht geladen werden (Skripte fehlen).';
    container.replaceChildren(failed);
    return;
  }

  const token = sessionStorage.getItem(TOKEN_KEY);
  const fetcher = GraphiQL.createFetcher({
    url: new URL('/graphql', location.href).href,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

  const defaultQuery = `# Allianzregister: GraphQL-Schnittstelle
# Strg+Enter führt die Abfrage aus; die Dokumentation des Schemas steht links im Explorer.
# Ohne öffentlichen Lesezugriff (PUBLIC_READ=false) gehört ein Token in die Headers:
#   { "Authorization": "Bearer <token>" }

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
