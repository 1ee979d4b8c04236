/*
 * Local stand-in for the host side of @forge/bridge (Jira provides window.__bridge in production).
 * It is loaded before the app's bundle, so the bundle runs exactly as Forge serves it. It relies on the
 * bridge's internal contract: callBridge('invoke' | 'getContext' | 'enableTheming' | 'open' | 'navigate', payload).
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
        default:
          return Promise.resolve(undefined);
      }
    },
  };
})();
