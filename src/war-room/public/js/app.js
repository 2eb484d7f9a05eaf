// @ts-check
// 挂图作战: the war-room wall screen. Plain ES modules, no build step; one module per block of
// the board (headline, regions, curve, chains, big projects, red list, filter, freshness,
// controls, project card), loaded and drawn by board.js. Money is integer 万元 from the API.
import { onUnauthenticated, resumeSession } from '/shared/api.js';
import { adoptDisplayLink, displayToken, forgetDisplayToken } from '/shared/display.js';
import { handleError, loadAll, loadBoard, setFilter, setPrintMode } from './board.js';
import { initBulletin } from './bulletin.js';
import { initCard } from './card.js';
import { initControls } from './controls.js';
import { showBanner } from './notices.js';
import { showAccount, showSignIn, wireSignIn } from './sign-in.js';

// A wall screen's link (/#display=<token>) signs it in; a token the server refuses is forgotten.
adoptDisplayLink();
onUnauthenticated(() => {
  forgetDisplayToken();
  showSignIn();
});
wireSignIn(() => {
  document.body.dataset.state = 'loading';
  void loadAll();
});
initCard();
initBulletin();
initControls({
  onPeriod: () => loadBoard().catch(handleError),
  onRefresh: () => {
    if (document.body.dataset.state !== 'login') loadBoard().catch(handleError);
  },
  onPrint: setPrintMode,
  onClearFilter: () => setFilter({}),
});
if (!window.echarts) showBanner('图表组件未加载（/vendor/echarts/echarts.min.js）');
// A wall screen reads with its display token and has no session; otherwise the session first (who is
// signed in, and this tab's CSRF token), and without one the sign-in form.
if (displayToken() !== null) void loadAll();
else
  resumeSession().then(
    (user) => {
      showAccount(user);
      return loadAll();
    },
    handleError,
  );
