import type { JiraStore } from '../emulator/state/store';
import { DEMO_PROJECT, DEMO_USERS } from '../seed/generate';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The chrome around the app's iframes: a stand-in for Jira's own page, with a user and theme switcher. */
export function hostPage(opts: { title: string; as: string; theme: string; path: string; body: string }): string {
  const users = DEMO_USERS.map(
    (u) =>
      `<option value="${u.accountId}"${u.accountId === opts.as ? ' selected' : ''}>${esc(u.displayName)} — ${esc(u.role)}</option>`,
  ).join('');
  const dark = opts.theme === 'dark';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(opts.title)} · Local Jira</title>
<style>
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;background:${dark ? '#1D2125' : '#F7F8F9'};color:${dark ? '#B6C2CF' : '#172B4D'}}
header{display:flex;gap:16px;align-items:center;padding:8px 16px;background:${dark ? '#161A1D' : '#FFFFFF'};border-bottom:1px solid ${dark ? '#2C333A' : '#DFE1E6'}}
header a{color:inherit;font-weight:600;text-decoration:none}
main{padding:16px;max-width:1200px;margin:0 auto}
iframe{width:100%;border:0;background:transparent}
.card{background:${dark ? '#22272B' : '#FFFFFF'};border-radius:4px;padding:16px;margin-bottom:16px}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid ${dark ? '#2C333A' : '#DFE1E6'}}
a{color:${dark ? '#579DFF' : '#0C66E4'}}
${flagCss(dark)}
</style><script src="/__harness/host-flags.js" defer></script></head><body>
<header><a href="/?as=${esc(opts.as)}&theme=${esc(opts.theme)}">Local Jira (emulator)</a>
<form method="get" action="${esc(opts.path)}" style="margin-left:auto;display:flex;gap:8px;align-items:center">
<label>Acting as <select name="as" data-testid="user-switcher" onchange="this.form.submit()">${users}</select></label>
<label>Theme <select name="theme" data-testid="theme-switcher" onchange="this.form.submit()"><option value="light"${dark ? '' : ' selected'}>Light</option><option value="dark"${dark ? ' selected' : ''}>Dark</option></select></label>
</form></header><main>${opts.body}</main></body></html>`;
}

/**
 * Jira's flags (dev/harness/host-flags.js), drawn like Atlaskit's: a raised card bottom left, bold when `appearance` is
 * set.
 */
function flagCss(dark: boolean): string {
  const c = dark
    ? { surface: '#282E33', text: '#B6C2CF', subtle: '#9FADBC', shadow: '0 8px 12px #0304045C, 0 0 1px #03040480' }
    : { surface: '#FFFFFF', text: '#172B4D', subtle: '#44546F', shadow: '0 8px 12px #091E4226, 0 0 1px #091E424F' };
  const icon = dark
    ? { info: '#579DFF', success: '#4BCE97', warning: '#F5CD47', error: '#F87168' }
    : { info: '#1D7AFC', success: '#22A06B', warning: '#E56910', error: '#C9372C' };
  const bold = dark
    ? { info: '#579DFF', success: '#4BCE97', warning: '#F5CD47', error: '#F87168' }
    : { info: '#0C66E4', success: '#1F845A', warning: '#F5CD47', error: '#C9372C' };
  const boldText = (t: keyof typeof bold) => (dark || t === 'warning' ? '#1D2125' : '#FFFFFF');
  return `.harness-flags{position:fixed;left:80px;bottom:48px;z-index:600;width:400px;max-width:calc(100vw - 32px)}
.harness-flags ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.harness-flag{display:flex;gap:16px;align-items:flex-start;padding:16px;border-radius:6px;background:${c.surface};color:${c.text};box-shadow:${c.shadow};overflow-wrap:anywhere}
.harness-flag-icon{flex:none;width:20px;height:20px;border-radius:50%;display:inline-flex;align-items:center;justify-content:center;font-size:13px;font-weight:700;color:${c.surface}}
${(['info', 'success', 'warning', 'error'] as const).map((t) => `.harness-flag-icon.${t}{background:${icon[t]}}.harness-flag.bold[data-flag-type=${t}]{background:${bold[t]};color:${boldText(t)}}.harness-flag.bold[data-flag-type=${t}] .harness-flag-icon{background:${boldText(t)};color:${bold[t]}}`).join('\n')}
.harness-flag-body{flex:1;min-width:0}.harness-flag-title{font-weight:600}.harness-flag-description{margin-top:8px;color:${c.subtle}}
.harness-flag.bold .harness-flag-description{color:inherit}
.harness-flag-close{flex:none;border:0;background:transparent;color:inherit;font-size:20px;line-height:20px;cursor:pointer;padding:0 4px;border-radius:3px}
.harness-flag-close:focus-visible{outline:2px solid ${icon.info}}`;
}

/** The app's iframe; like Jira's iframe-resizer, it grows with the app's content. */
export function appFrame(resource: 'panel' | 'page', query: Record<string, string>, height: number): string {
  const qs = new URLSearchParams(query).toString();
  return `<iframe data-testid="app-frame-${resource}" id="app-frame" src="/resources/${resource}/index.html?${esc(qs)}" style="height:${height}px" title="${resource}"></iframe>
<script>setInterval(function(){var f=document.getElementById('app-frame');try{var h=f.contentDocument.documentElement.scrollHeight;if(h&&Math.abs(h-f.offsetHeight)>4)f.style.height=(h+4)+'px';}catch(e){}},300);</script>`;
}

/** The home page: where to go in the demo. */
export function homeBody(store: JiraStore, as: string, theme: string): string {
  const q = `as=${encodeURIComponent(as)}&theme=${encodeURIComponent(theme)}`;
  const incidents = [...store.issues.values()]
    .filter((i) => store.issueTypes.get(i.issueTypeId)?.name === 'Incident')
    .sort((a, b) => b.id - a.id)
    .slice(0, 12);
  const rows = incidents
    .map((i) => {
      const pm = i.properties.postmortem;
      const status = pm && typeof pm === 'object' && 'status' in pm ? String(pm.status) : 'no post-mortem';
      return `<tr><td><a href="/jira/issue/${i.key}?${q}">${i.key}</a></td><td>${esc(i.summary)}</td><td>${esc(status)}</td></tr>`;
    })
    .join('');
  return `<div class="card"><h1>Post-mortem Loop — local demo</h1>
<p>Jira here is the local emulator, held to Atlassian's OpenAPI specs. The panel and the page below are the real Custom UI builds, calling the real resolvers as the user chosen above.</p>
<p><a data-testid="project-page-link" href="/jira/project/${DEMO_PROJECT.key}/page?${q}">Open the ${esc(DEMO_PROJECT.name)} incident report (project page)</a></p>${[
    ...store.projects.values(),
  ]
    .filter((p) => p.key !== DEMO_PROJECT.key)
    .map(
      (p) =>
        `<p><a href="/jira/project/${esc(p.key)}/page?${q}">Open the ${esc(p.name)} incident report (${esc(p.key)}, ${[...store.boards.values()].find((b) => b.projectId === p.id)?.type ?? 'no'} board)</a></p>`,
    )
    .join('')}</div>
<div class="card"><h2>Recent incidents</h2><table><thead><tr><th>Key</th><th>Summary</th><th>Post-mortem</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
