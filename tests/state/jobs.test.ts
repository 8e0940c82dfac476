import { describe, expect, it } from 'vitest';
import { emptyProject } from '../../src/core/model';
import type { IoApi } from '../../src/protocol/io-api';
import { createAppStore, settingsActions } from '../../src/state';
import { fc, layerFrom } from './fake-io';

/** An io service whose loads wait until the test lets them finish (or they are cancelled). */
function gatedIo() {
  const pending = new Map<string, (cancelled: boolean) => void>();
  const io: IoApi = {
    load: (jobId, source, _o, onProgress) =>
      new Promise((resolve) => {
        onProgress({ jobId, stage: 'progress.parsing', fraction: 0.25 });
        pending.set(jobId, (cancelled) =>
          resolve(cancelled ? { ok: false, error: { code: 'cancelled' } } : { ok: true, value: [layerFrom(source.fileName, fc(2))] }));
      }),
    cancel: (jobId) => pending.get(jobId)?.(true),
  };
  return { io, finish: () => [...pending.values()].forEach((f) => f(false)) };
}

describe('jobs', () => {
  it('shows progress while a load runs and removes the job when it ends', async () => {
    const g = gatedIo();
    const store = createAppStore({ io: g.io });
    const done = store.getState().loadFiles([{ source: { fileName: 'a.geojson' } }]);
    const [job] = Object.values(store.getState().jobs);
    expect(job).toMatchObject({ label: 'a.geojson', stage: 'progress.parsing', fraction: 0.25 });
    g.finish();
    expect(await done).toHaveLength(1);
    expect(store.getState().jobs).toEqual({});
  });

  it('a cancelled load adds nothing and reports no error', async () => {
    const g = gatedIo();
    const store = createAppStore({ io: g.io });
    const done = store.getState().loadFiles([{ source: { fileName: 'a.geojson' } }]);
    store.getState().cancelJob(Object.keys(store.getState().jobs)[0]);
    expect(await done).toEqual([]);
    expect(store.getState().doc.layers).toEqual([]);
    expect(store.getState().errors).toEqual([]);
  });

  it('a load that finishes after the user cancelled still adds nothing', async () => {
    const g = gatedIo();
    const io = { ...g.io, cancel: () => {} }; // this worker never hears the cancel
    const store = createAppStore({ io });
    const done = store.getState().loadFiles([{ source: { fileName: 'a.geojson' } }]);
    store.getState().cancelJob(Object.keys(store.getState().jobs)[0]);
    g.finish();
    expect(await done).toEqual([]);
    expect(store.getState().doc.layers).toEqual([]);
  });

  it('a worker that throws becomes an error record naming the file', async () => {
    const store = createAppStore({ io: { load: () => Promise.reject(new Error('boom')), cancel: () => {} } });
    await store.getState().loadFiles([{ source: { fileName: 'x.fgb' } }]);
    expect(store.getState().errors).toMatchObject([{ subject: 'x.fgb', error: { code: 'worker-failed', params: { message: 'boom' } } }]);
  });
});

describe('settings actions', () => {
  it('set and clear the remote basemap URL', () => {
    const doc = emptyProject();
    const remote = settingsActions.setBasemapStyleUrl.apply(doc, { url: ' https://example.org/style.json ' });
    expect(remote.settings.basemapStyleUrl).toBe('https://example.org/style.json');
    const offline = settingsActions.setBasemapStyleUrl.apply(remote, { url: '' });
    expect('basemapStyleUrl' in offline.settings).toBe(false);
    expect(settingsActions.setBasemapStyleUrl.apply(doc, { url: undefined })).toBe(doc);
  });
});
