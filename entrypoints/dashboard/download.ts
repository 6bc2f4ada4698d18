/** Starts a download of a file made in the page (no network: a blob URL). */
export function download(name: string, mime: string, body: BlobPart): void {
  const url = URL.createObjectURL(new Blob([body], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
