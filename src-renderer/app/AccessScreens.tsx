import type { ReactNode } from 'react';
import { RigwiseMark } from '../ui/icons.js';
import './app.css';

function AccessScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="access-screen">
      <div className="access-card">
        <div className="brand">
          <RigwiseMark size={28} />
          <span className="brand-name">Rigwise</span>
        </div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

function HowToOpen() {
  const exampleUrl = `${location.protocol}//${location.host}/#token=…`;
  return (
    <>
      <ol className="access-steps">
        <li>
          Find the terminal where you ran <code>npm start</code>.
        </li>
        <li>
          Open the URL it printed, including the part after <code>#token=</code>. It looks like{' '}
          <code>{exampleUrl}</code>.
        </li>
      </ol>
      <p className="muted">
        The token keeps other web pages and other users on this machine from controlling your rigs. It stays in this tab
        only and is removed from the address bar once read.
      </p>
    </>
  );
}

/** The browser was opened without the token the headless server printed: nothing can be loaded without it. */
export function NoTokenScreen() {
  return (
    <AccessScreen title="Open Rigwise with its access link">
      <p>This page needs the access token that the Rigwise engine prints when it starts.</p>
      <HowToOpen />
    </AccessScreen>
  );
}

/** The engine refused the token, usually because it restarted and printed a new one. */
export function UnauthorizedScreen() {
  return (
    <AccessScreen title="This access link is no longer valid">
      <p>The engine refused the token this tab was opened with. It changes every time the engine starts.</p>
      <HowToOpen />
    </AccessScreen>
  );
}
