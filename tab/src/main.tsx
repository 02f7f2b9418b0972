import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, isFramed } from './app.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App framed={isFramed(window)} />
  </StrictMode>,
);
