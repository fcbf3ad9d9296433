import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Provider } from 'urql';

import '@wirelens/ui/styles.css';

import { App, preloadPage } from './App.js';
import { AuthProvider } from './auth/AuthContext.js';
import { createClient } from './client.js';

import './styles.css';

preloadPage(window.location.pathname);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Provider value={createClient()}>
        <BrowserRouter>
          <AuthProvider>
            <App />
          </AuthProvider>
        </BrowserRouter>
      </Provider>
    </StrictMode>,
  );
}
