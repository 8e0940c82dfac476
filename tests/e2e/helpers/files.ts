/** Test inputs: GeoJSON near the demo city's centre, a broken file, and page-side file drops. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface Manifest {
  name: { en: string; zh: string };
  bbox: [number, number, number, number];
  center: [number, number];
  layers: { file: string; role: string; name: { en: string; zh: string }; featureCount: number }[];
}

export const manifest = (): Manifest => JSON.parse(readFileSync('data/demo/manifest.json', 'utf8')) as Manifest;

export const HOSTILE = '<img src=x onerror=alert(1)>';

/** Three playground points around the demo centre; the middle one carries hostile attribute text. */
export function playgrounds(center: [number, number]) {
  const [x, y] = center;
  return {
    type: 'FeatureCollection',
    features: [-1, 0, 1].map((d, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [x + d * 0.004, y + d * 0.002] },
      properties: { category: 'playground', name: i === 1 ? HOSTILE : `Test playground ${i}`, note: i === 1 ? '<b>bold?</b>' : 'plain' },
    })),
  };
}

/** Dispatches dragenter/dragover/drop with real File objects on the map's drop zone. */
export async function dropFiles(page: Page, files: { name: string; text: string; type?: string }[]): Promise<void> {
  await page.evaluate((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([f.text], f.name, { type: f.type ?? 'application/octet-stream' }));
    const target = document.querySelector('[data-testid="dropzone"]')!;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files);
}

/** Real files loaded onto the demo city ask "replace the demo or add to it?": answer, and wait for the dialog to close. */
export async function answerDemoChoice(page: Page, answer: 'Replace the demo' | 'Add to the demo' | 'Cancel loading'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Replace the demo city?' });
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: answer, exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
}
