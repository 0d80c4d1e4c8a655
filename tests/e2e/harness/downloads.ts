// Files an extension page offers as `<a download>` over a Blob URL, caught in the page instead of saved.
import type { E2EPage } from './types';

interface Caught { saved: { name: string; url: string }[]; blobs: Map<string, Blob> }

/** From now on, clicks on download links in `page` are recorded (and kept out of the machine's Downloads folder). */
export async function catchDownloads(page: E2EPage): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Caught;
    w.saved = [];
    w.blobs = new Map();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      const url = create(b);
      w.blobs.set(url, b as Blob);
      return url;
    };
    document.addEventListener('click', (e) => {
      const a = e.target;
      if (a instanceof HTMLAnchorElement && a.download) {
        w.saved.push({ name: a.download, url: a.href });
        e.preventDefault();
      }
    }, true);
  });
}

/** The first file caught since `catchDownloads`: its name and text, or null. */
export async function firstDownload(page: E2EPage): Promise<{ name: string; text: string } | null> {
  return page.evaluate(async () => {
    const w = window as unknown as Caught;
    const first = w.saved[0];
    return first ? { name: first.name, text: await w.blobs.get(first.url)!.text() } : null;
  });
}
