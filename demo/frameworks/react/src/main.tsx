// Defines <calls-room> and friends before React renders, so React 19 sets `token`, `room`, … as
// properties (it checks `name in element`) instead of attributes.
import 'calls-elements';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
