/** Saves text as a file through a temporary link: no browser.downloads permission needed. */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads the file a person picked. */
export function readFileText(file: File): Promise<string> {
  return file.text();
}
