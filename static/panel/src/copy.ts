import type { Outcome } from '@ui/use-action';

/**
 * Clipboard access can be refused inside Jira's iframe: then say so beside the button (the text box below still
 * holds the text); a copy that worked is told in a flag.
 */
export async function copyText(text: string, what: string): Promise<Outcome> {
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true, flag: `${what} copied`, message: 'Copied to the clipboard as Markdown.' };
  } catch {
    return {
      ok: true,
      message: 'Select the text below and copy it (the browser did not allow clipboard access here).',
    };
  }
}
