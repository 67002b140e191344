import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { followAppLinks } from './lib/app-links';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/content.css';
import './styles/lists.css';
import './styles/detail.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Subscribed before the first render: the desktop may deliver the deep link that started the app as soon as the page loads.
followAppLinks();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
