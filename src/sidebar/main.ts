import { createClient } from './client';
import { h, replace } from './dom';
import { scriptRunTransport } from './transport';
import { createSession, type ViewName } from './session';
import { renderHome } from './views/home';
import { renderWizard } from './views/wizard';
import { renderSurvey } from './views/survey';
import { errorBox } from './views/common';

/**
 * The sidebar's entry. `<body data-start="home">` says which view to open first; the Build scorecard
 * menu item serves the same file with data-start="wizard" (src/appsscript/server.ts), a survey menu item
 * may serve data-start="survey".
 */
function main(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const transport = scriptRunTransport();
  if (!transport) {
    replace(
      root,
      h('h1', null, 'Leadlag'),
      errorBox(
        'This page is the Leadlag sidebar. Open it from Extensions › Leadlag in Google Sheets, or run npm start for the local preview.',
      ),
    );
    return;
  }
  const go = (view: ViewName) => {
    window.scrollTo(0, 0);
    if (view === 'wizard') renderWizard(root, session);
    else if (view === 'survey') renderSurvey(root, session);
    else renderHome(root, session);
  };
  const session = createSession(createClient(transport), go);
  const start = document.body.dataset.start;
  go(start === 'wizard' || start === 'survey' ? start : 'home');
}

main();
