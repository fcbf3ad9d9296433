import { RegistryOverview } from './pages/RegistryOverview.js';

export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="/">
          Wirelens
        </a>
        <nav aria-label="Main">
          <a href="/graphiql">GraphiQL</a>
        </nav>
      </header>
      <main>
        <RegistryOverview />
      </main>
    </div>
  );
}
