import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { applyTheme, savedTheme } from './theme/theme.js';
import './styles.css';

// Before the first paint, so a dark-theme user never sees a light flash.
applyTheme(savedTheme());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
