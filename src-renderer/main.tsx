import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUpEngine } from './api/engine.js';
import { App } from './app/App.js';
import { NoTokenScreen } from './app/AccessScreens.js';
import { createAppStore } from './store/app-store.js';
import { startEffects } from './store/effects.js';
import { StoreProvider } from './store/store-context.js';
import './styles/tokens.css';
import './styles/controls.css';
import './styles/badges.css';

const rootElement = document.getElementById('root');
if (rootElement === null) throw new Error('index.html has no #root element');
const root = createRoot(rootElement);

const engine = setUpEngine(window);
if (engine.kind === 'needs-token') {
  root.render(
    <StrictMode>
      <NoTokenScreen />
    </StrictMode>,
  );
} else {
  const store = createAppStore(engine.client);
  // Effects attach before the link opens, so the first 'open' (and the sync it triggers) is never missed.
  startEffects({ client: engine.client, connection: engine.connection, store });
  engine.connection.connect();
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
