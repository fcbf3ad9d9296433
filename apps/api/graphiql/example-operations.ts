/** Saved example operations shown as tabs in /graphiql. */
export const exampleOperations = [
  {
    query: `# Companies in the registry, searchable by name, alias or ticker.
query Companies($search: String) {
  companies(search: $search, first: 10) {
    totalCount
    edges { node { name slug tickers { symbol exchange } aliases } }
  }
}`,
    variables: JSON.stringify({ search: 'nvidia' }, null, 2),
  },
  {
    query: `# The topic taxonomy.
query Topics {
  topics { slug name description kind }
}`,
  },
];
