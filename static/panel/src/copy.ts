/** Clipboard access can be refused inside Jira's iframe: say so, the text box still holds the text. */
export async function copyText(text: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return 'Copied to the clipboard.';
  } catch {
    return 'Select the text below and copy it (the browser did not allow clipboard access here).';
  }
}
