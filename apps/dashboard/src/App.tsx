import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth, RequireRole } from './auth/RequireAuth.js';
import { Layout } from './components/Layout.js';
import { LoginPage } from './pages/LoginPage.js';
import { FeedPage } from './pages/FeedPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';

// Every page but the feed loads on demand, so the feed's first load stays small (charts, review and admin
// code are fetched only when visited).
const OverviewPage = lazy(() => import('./pages/OverviewPage.js').then((m) => ({ default: m.OverviewPage })));
const ArticlePage = lazy(() => import('./pages/ArticlePage.js').then((m) => ({ default: m.ArticlePage })));
const CompanyPage = lazy(() => import('./pages/CompanyPage.js').then((m) => ({ default: m.CompanyPage })));
const TopicPage = lazy(() => import('./pages/TopicPage.js').then((m) => ({ default: m.TopicPage })));
const ComparePage = lazy(() => import('./pages/ComparePage.js').then((m) => ({ default: m.ComparePage })));
const ReviewQueuePage = lazy(() =>
  import('./pages/ReviewQueuePage.js').then((m) => ({ default: m.ReviewQueuePage })),
);
const SourcesPage = lazy(() => import('./pages/SourcesPage.js').then((m) => ({ default: m.SourcesPage })));
const TokensPage = lazy(() => import('./pages/TokensPage.js').then((m) => ({ default: m.TokensPage })));
const UsersPage = lazy(() => import('./pages/UsersPage.js').then((m) => ({ default: m.UsersPage })));

const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

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
        <Route
          path="/review"
          element={signedIn(
            <RequireRole role="EDITOR">
              <ReviewQueuePage />
            </RequireRole>,
          )}
        />
        <Route
          path="/sources"
          element={signedIn(
            <RequireRole role="ADMIN">
              <SourcesPage />
            </RequireRole>,
          )}
        />
        <Route
          path="/users"
          element={signedIn(
            <RequireRole role="ADMIN">
              <UsersPage />
            </RequireRole>,
          )}
        />
        <Route
          path="/tokens"
          element={signedIn(
            <RequireRole role="ANALYST">
              <TokensPage />
            </RequireRole>,
          )}
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
