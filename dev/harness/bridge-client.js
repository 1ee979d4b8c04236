/*
 * Local stand-in for the host side of @forge/bridge (Jira provides window.__bridge in production).
 * It is loaded before the app's bundle, so the bundle runs exactly as Forge serves it. It relies on the
 * bridge's internal contract: callBridge('invoke' | 'getContext' | 'enableTheming' | 'navigate' | 'showFlag' |
 * 'closeFlag', payload).
 */
(function () {
  var params = new URLSearchParams(window.location.search);
  var context = {
    accountId: params.get('as') || '',
    cloudId: 'local-emulator',
    moduleKey: params.get('module') || '',
    localId: 'local',
    locale: 'en-US',
    timezone: 'UTC',
    theme: { colorMode: params.get('theme') === 'dark' ? 'dark' : 'light' },
    extension: params.get('issue')
      ? {
          type: 'jira:issuePanel',
          issue: { key: params.get('issue'), type: 'Incident' },
          project: { key: params.get('project') },
        }
      : { type: 'jira:projectPage', project: { key: params.get('project') } },
  };
  function openUrl(location, sameTab) {
    var href = (location && location.url) || '/';
    var target =
      href.charAt(0) === '/'
        ? href + (href.indexOf('?') >= 0 ? '&' : '?') + 'as=' + encodeURIComponent(context.accountId)
        : href;
    if (sameTab) window.top.location.href = target;
    else window.open(target, '_blank');
  }
  /*
   * showFlag/closeFlag: Jira shows the flag in its own page, outside the app's iframe. Here the host page does it
   * (dev/harness/host-flags.js): only plain data crosses, so flag actions (functions) are not passed on.
   */
  function toHost(kind, payload) {
    if (window.parent === window) return false;
    var p = payload || {};
    var flag = { id: String(p.id) };
    ['title', 'description', 'type', 'appearance'].forEach(function (k) {
      if (typeof p[k] === 'string') flag[k] = p[k];
    });
    flag.isAutoDismiss = p.isAutoDismiss === true;
    window.parent.postMessage({ source: 'postmortem-loop-harness', kind: kind, flag: flag }, window.location.origin);
    return true;
  }
  window.__bridge = {
    callBridge: function (name, payload) {
      switch (name) {
        case 'invoke':
          return fetch('/__harness/invoke', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              functionKey: payload.functionKey,
              payload: payload.payload || {},
              context: context,
            }),
          }).then(function (r) {
            return r.json();
          });
        case 'getContext':
          return Promise.resolve(context);
        case 'enableTheming':
          document.documentElement.setAttribute('data-color-mode', context.theme.colorMode);
          document.documentElement.setAttribute('data-theme', context.theme.colorMode + ':' + context.theme.colorMode);
          return Promise.resolve();
        case 'navigate':
          // router.open sends { url, type: 'new-tab' }; router.navigate sends type 'same-tab'.
          openUrl(payload, !payload || payload.type !== 'new-tab');
          return Promise.resolve();
        case 'showFlag':
        case 'closeFlag':
          return Promise.resolve(toHost(name, payload));
        default:
          return Promise.resolve(undefined);
      }
    },
  };
})();
