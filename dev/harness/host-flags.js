/*
 * The host page's flags, as Jira shows what an app asks for with @forge/bridge's showFlag: outside the app's
 * iframe, bottom left, newest on top, with an icon for the type, a title, a description and a close button; an
 * auto-dismissing flag goes after 8 seconds (paused while pointed at or focused), as Atlaskit's AutoDismissFlag.
 * The app's frame posts { source, kind: 'showFlag' | 'closeFlag', flag } (dev/harness/bridge-client.js).
 * Text is set as text, never as HTML: a flag may quote what someone typed.
 */
(function () {
  var AUTO_DISMISS_MS = 8000;
  var TYPES = { info: 'Info', success: 'Success', warning: 'Warning', error: 'Error' };
  var ICONS = { info: 'i', success: '\u2713', warning: '!', error: '\u00d7' };
  var region = null;
  var list = null;
  var flags = {};

  function ensureRegion() {
    if (region) return;
    // A labelled region screen readers can find, and a polite live list: each new flag is announced once.
    region = document.createElement('section');
    region.className = 'harness-flags';
    region.setAttribute('aria-label', 'Flag notifications');
    region.setAttribute('data-testid', 'host-flags');
    list = document.createElement('ol');
    list.setAttribute('aria-live', 'polite');
    list.setAttribute('aria-relevant', 'additions');
    region.appendChild(list);
    document.body.appendChild(region);
  }

  function fromAppFrame(source) {
    var frames = document.querySelectorAll('iframe');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return true;
    return false;
  }

  function close(id) {
    var f = flags[id];
    if (!f) return;
    clearTimeout(f.timer);
    delete flags[id];
    f.el.remove();
  }

  function show(flag) {
    ensureRegion();
    close(flag.id);
    var type = TYPES[flag.appearance] ? flag.appearance : TYPES[flag.type] ? flag.type : 'info';
    var el = document.createElement('li');
    el.className = 'harness-flag' + (flag.appearance ? ' bold' : '');
    el.setAttribute('data-testid', 'host-flag');
    el.setAttribute('data-flag-type', type);
    el.setAttribute('data-flag-id', flag.id);
    // Errors and warnings interrupt (role=alert); other flags are announced politely by the list.
    if (type === 'error' || type === 'warning') el.setAttribute('role', 'alert');
    var icon = document.createElement('span');
    icon.className = 'harness-flag-icon ' + type;
    icon.setAttribute('role', 'img');
    icon.setAttribute('aria-label', TYPES[type]);
    icon.textContent = ICONS[type];
    var body = document.createElement('div');
    body.className = 'harness-flag-body';
    var title = document.createElement('div');
    title.className = 'harness-flag-title';
    title.setAttribute('data-testid', 'host-flag-title');
    title.textContent = flag.title || '';
    body.appendChild(title);
    if (flag.description) {
      var description = document.createElement('div');
      description.className = 'harness-flag-description';
      description.setAttribute('data-testid', 'host-flag-description');
      description.textContent = flag.description;
      body.appendChild(description);
    }
    var dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'harness-flag-close';
    dismiss.setAttribute('data-testid', 'host-flag-close');
    dismiss.setAttribute('aria-label', 'Dismiss: ' + (flag.title || 'flag'));
    dismiss.textContent = '\u00d7';
    dismiss.addEventListener('click', function () {
      close(flag.id);
    });
    el.appendChild(icon);
    el.appendChild(body);
    el.appendChild(dismiss);
    var entry = { el: el, timer: 0 };
    flags[flag.id] = entry;
    if (flag.isAutoDismiss) {
      var start = function () {
        clearTimeout(entry.timer);
        entry.timer = setTimeout(function () {
          close(flag.id);
        }, AUTO_DISMISS_MS);
      };
      var pause = function () {
        clearTimeout(entry.timer);
      };
      el.addEventListener('mouseenter', pause);
      el.addEventListener('focusin', pause);
      el.addEventListener('mouseleave', start);
      el.addEventListener('focusout', start);
      start();
    }
    list.insertBefore(el, list.firstChild);
  }

  window.addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== window.location.origin || !fromAppFrame(e.source)) return;
    if (!d || d.source !== 'postmortem-loop-harness' || !d.flag || typeof d.flag.id !== 'string') return;
    if (d.kind === 'showFlag') show(d.flag);
    else if (d.kind === 'closeFlag') close(d.flag.id);
  });
})();
