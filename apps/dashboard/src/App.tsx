import { lazy, type ComponentType, type ReactNode } from 'react';
import { matchPath, Route, Routes } from 'react-router';

import { ACCOUNT_PATH, RequireAuth, RequireRole } from './auth/RequireAuth.js';
import type { Role } from './auth/roles.js';
import { Layout } from './components/Layout.js';
import { FeedPage } from './pages/FeedPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';

/** A page loaded on demand, with a way to start loading it before it is rendered. */
function onDemand<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return Object.assign(
    lazy(() => load().then((module) => ({ default: module[name] }))),
    { preload: load },
  );
}

// Every page but the feed loads on demand, so the feed's first load stays small (charts, review and admin
// code are fetched only when visited).
const OverviewPage = onDemand(() => import('./pages/OverviewPage.js'), 'OverviewPage');
const ArticlePage = onDemand(() => import('./pages/ArticlePage.js'), 'ArticlePage');
const CompanyPage = onDemand(() => import('./pages/CompanyPage.js'), 'CompanyPage');
const TopicPage = onDemand(() => import('./pages/TopicPage.js'), 'TopicPage');
const ComparePage = onDemand(() => import('./pages/ComparePage.js'), 'ComparePage');
const CompaniesPage = onDemand(() => import('./pages/CompaniesPage.js'), 'CompaniesPage');
const ReviewQueuePage = onDemand(() => import('./pages/ReviewQueuePage.js'), 'ReviewQueuePage');
const SourcesPage = onDemand(() => import('./pages/sources/index.js'), 'SourcesPage');
const TokensPage = onDemand(() => import('./pages/TokensPage.js'), 'TokensPage');
const UsersPage = onDemand(() => import('./pages/UsersPage.js'), 'UsersPage');
const NotificationsPage = onDemand(() => import('./pages/NotificationsPage.js'), 'NotificationsPage');
const WebhooksPage = onDemand(() => import('./pages/webhooks/index.js'), 'WebhooksPage');
const WatchlistsPage = onDemand(() => import('./pages/watchlists/WatchlistsPage.js'), 'WatchlistsPage');
const AlertRulesPage = onDemand(() => import('./pages/watchlists/AlertRulesPage.js'), 'AlertRulesPage');
const AccountPage = onDemand(() => import('./pages/AccountPage.js'), 'AccountPage');
const UnsubscribePage = onDemand(() => import('./pages/UnsubscribePage.js'), 'UnsubscribePage');
const AnalyzerQualityPage = onDemand(
  () => import('./pages/analyzer-quality/index.js'),
  'AnalyzerQualityPage',
);

const ON_DEMAND: [path: string, page: { preload: () => Promise<unknown> }][] = [
  ['/', OverviewPage],
  ['/articles/:id', ArticlePage],
  ['/companies/:slug', CompanyPage],
  ['/topics/:slug', TopicPage],
  ['/compare', ComparePage],
  ['/review', ReviewQueuePage],
  ['/companies', CompaniesPage],
  ['/sources', SourcesPage],
  ['/users', UsersPage],
  ['/tokens', TokensPage],
  ['/webhooks', WebhooksPage],
  ['/account', AccountPage],
  ['/notifications', NotificationsPage],
  ['/unsubscribe', UnsubscribePage],
  ['/watchlists', WatchlistsPage],
  ['/alerts', AlertRulesPage],
  ['/analyzer-quality', AnalyzerQualityPage],
];

/**
 * Starts fetching the code of the page a full load lands on. Otherwise it would only start once the session
 * check has answered and the route renders: two round trips and the charts' parse time one after another.
 */
export function preloadPage(pathname: string): void {
  const found = ON_DEMAND.find(([path]) => matchPath(path, pathname));
  if (found) void found[1].preload().catch(() => undefined);
}

const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;
const withRole = (role: Role, page: ReactNode) => signedIn(<RequireRole role={role}>{page}</RequireRole>);

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/" element={signedIn(<OverviewPage />)} />
        <Route path="/feed" element={signedIn(<FeedPage />)} />
        <Route path="/articles/:id" element={signedIn(<ArticlePage />)} />
        <Route path="/companies/:slug" element={signedIn(<CompanyPage />)} />
        <Route path="/topics/:slug" element={signedIn(<TopicPage />)} />
        <Route path="/compare" element={signedIn(<ComparePage />)} />
        <Route path="/review" element={withRole('EDITOR', <ReviewQueuePage />)} />
        <Route path="/companies" element={withRole('EDITOR', <CompaniesPage />)} />
        <Route path="/analyzer-quality" element={withRole('EDITOR', <AnalyzerQualityPage />)} />
        <Route path="/sources" element={withRole('ADMIN', <SourcesPage />)} />
        <Route path="/users" element={withRole('ADMIN', <UsersPage />)} />
        <Route path="/tokens" element={withRole('ANALYST', <TokensPage />)} />
        <Route path="/webhooks" element={withRole('ANALYST', <WebhooksPage />)} />
        <Route path={ACCOUNT_PATH} element={signedIn(<AccountPage />)} />
        <Route path="/notifications" element={signedIn(<NotificationsPage />)} />
        <Route path="/unsubscribe" element={<UnsubscribePage />} />
        <Route path="/watchlists" element={signedIn(<WatchlistsPage />)} />
        <Route path="/alerts" element={withRole('ANALYST', <AlertRulesPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
