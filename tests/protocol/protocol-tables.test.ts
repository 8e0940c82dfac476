/**
 * Each worker's protocol table lists exactly its service's methods (checked by the compiler and at run
 * time), and the pieces built from it (the exposed service, the app's supervised client) have exactly
 * the table's methods and route each call as its row says.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { proxyMarker } from 'comlink';
import { createAnalysisService, type AnalysisService } from '../../src/core/analysis';
import { createIoService, type IoService } from '../../src/core/io/io-service';
import { analysisProtocol, transferringApi, type AnalysisApi } from '../../src/protocol/analysis-api';
import { ioProtocol, type IoApi } from '../../src/protocol/io-api';
import { withLayerHolding } from '../../src/protocol/io-layers';
import { exposedService, tableMismatch, type Transfer } from '../../src/protocol/protocol-table';
import { supervisedClient } from '../../src/app/supervised-client';
import type { SupervisedWorker } from '../../src/app/supervised-worker';

const noTransfer: Transfer = (v) => v;
const ioWorkerService = () => withLayerHolding(createIoService()).api;
const noPort = async () => undefined;
const layerCustom = { connectIo: noPort, setLayerInputs: noPort, dropLayerTables: noPort };
const sorted = (o: object) => Object.keys(o).sort();
const isProxy = (v: unknown) => typeof v === 'function' && (v as unknown as Record<symbol, unknown>)[proxyMarker] === true;

describe('protocol tables against their services', () => {
  it('have the same method names as the service and the API interface (compile time)', () => {
    // connectIo is the worker entry's (transferringApi: the port feeds the service's layer tables).
    expectTypeOf<keyof typeof analysisProtocol>().toEqualTypeOf<keyof AnalysisService | 'connectIo'>();
    expectTypeOf<keyof typeof analysisProtocol>().toEqualTypeOf<keyof AnalysisApi>();
    // The io worker exposes its service with the layers it holds (io-layers.ts).
    expectTypeOf<keyof typeof ioProtocol>().toEqualTypeOf<keyof ReturnType<typeof withLayerHolding>['api']>();
    expectTypeOf<keyof IoService>().toMatchTypeOf<keyof typeof ioProtocol>();
    expectTypeOf<keyof typeof ioProtocol>().toEqualTypeOf<keyof IoApi>();
  });

  it('have the same method names as the service objects (run time)', () => {
    expect(tableMismatch(createAnalysisService(), analysisProtocol)).toEqual({ notInTable: [], notInService: ['connectIo'] });
    expect(tableMismatch(ioWorkerService(), ioProtocol)).toEqual({ notInTable: [], notInService: [] });
    // The names, spelled out: a method added to a service without a row (or the reverse) fails here too.
    expect(sorted(analysisProtocol)).toEqual([
      'cancel', 'connectIo', 'dropInputs', 'dropLayerTables', 'evaluateRules', 'explain', 'homeIds', 'run', 'runWithRules', 'safeRouteDetail', 'safeRoutes',
      'setInputs', 'setLayerInputs', 'suggestSites',
    ]);
    expect(sorted(ioProtocol)).toEqual(['adoptChunk', 'cancel', 'connectAnalysis', 'dropLayers', 'exportData', 'fix', 'load', 'readProject', 'shipLayer']);
  });

  it('refuse to expose a service with a method the table lacks, or without one it lists', () => {
    const io = ioWorkerService();
    expect(() => exposedService({ ...io, extra: async () => 1 } as IoApi, ioProtocol, noTransfer)).toThrow(/not in the table \[extra\]/);
    const { fix: _fix, ...withoutFix } = io;
    expect(() => exposedService(withoutFix as IoApi, ioProtocol, noTransfer)).toThrow(/not in the service \[fix\]/);
  });

  it('expose exactly the table’s methods (plus the chunked inputs on the analysis worker)', () => {
    expect(sorted(exposedService<IoApi>(ioWorkerService(), ioProtocol, noTransfer))).toEqual(sorted(ioProtocol));
    expect(sorted(transferringApi(createAnalysisService(), noTransfer))).toEqual([...sorted(analysisProtocol), 'addInputChunk', 'setChunkedInputs'].sort());
  });
});

/** A SupervisedWorker whose "worker" is an object in this thread; records what reaches it. */
function fakeSupervisor<T extends object>(remote: T): SupervisedWorker<T> {
  return {
    call: (fn) => fn(remote as never),
    running: () => false,
    restart: () => undefined,
    terminated: () => undefined,
    generation: 0,
    worker: undefined as never,
    onRestart: () => undefined,
  };
}

describe('supervised clients built from the tables', () => {
  it('have exactly the table’s methods', () => {
    const io = supervisedClient<IoApi, typeof ioProtocol>(fakeSupervisor(createIoService() as IoApi), 'io', ioProtocol, { custom: { connectAnalysis: noPort } });
    expect(sorted(io)).toEqual(sorted(ioProtocol));
    const custom = { setInputs: async () => undefined, dropInputs: async () => undefined, ...layerCustom };
    const analysis = supervisedClient<AnalysisApi, typeof analysisProtocol>(fakeSupervisor(createAnalysisService()), 'analysis', analysisProtocol, { custom });
    expect(sorted(analysis)).toEqual(sorted(analysisProtocol));
    expect(analysis.setInputs).toBe(custom.setInputs);
  });

  it('make sure the worker holds the dataset a call names, found at the row’s argument', async () => {
    const ensured: string[] = [];
    const seen: [string, unknown[]][] = [];
    const remote = new Proxy({}, { get: (_t, name: string) => async (...args: unknown[]) => (seen.push([name, args]), { ok: true, value: null }) });
    const analysis = supervisedClient<AnalysisApi, typeof analysisProtocol>(fakeSupervisor(remote as AnalysisApi), 'analysis', analysisProtocol, {
      custom: { setInputs: async () => undefined, dropInputs: async () => undefined, ...layerCustom },
      ensureDataset: async (id) => void ensured.push(id),
    });
    const progress = () => undefined;
    await analysis.run('job-1', 'ds-run', { categories: [], thresholds: [] }, progress);
    await analysis.explain('run-1', 3, 'school');
    await analysis.homeIds('ds-homes');
    await analysis.evaluateRules('job-2', 'run-1', {} as never);
    await analysis.suggestSites('job-3', 'run-1', {} as never, {} as never);
    await analysis.runWithRules('job-4', 'ds-both', { categories: [], thresholds: [] }, {} as never);
    // Calls that name a run never ask for a dataset: runs are not re-sent after a restart.
    expect(ensured).toEqual(['ds-run', 'ds-homes', 'ds-both']);
    expect(seen.map(([name]) => name)).toEqual(['run', 'explain', 'homeIds', 'evaluateRules', 'suggestSites', 'runWithRules']);
    // Callbacks cross as comlink proxies, data as it is.
    const [, runArgs] = seen[0];
    expect(runArgs.slice(0, 2)).toEqual(['job-1', 'ds-run']);
    expect(isProxy(runArgs[3])).toBe(true);
    expect(isProxy(runArgs[2])).toBe(false);
  });

  it('end a job whose worker died with the worker’s coded error, and a query with a rejection', async () => {
    const { WorkerDiedError } = await import('../../src/app/supervised-worker');
    const dying: SupervisedWorker<IoApi> = { ...fakeSupervisor(createIoService() as IoApi), call: async () => { throw new WorkerDiedError('io', 'crashed'); } };
    const io = supervisedClient<IoApi, typeof ioProtocol>(dying, 'io', ioProtocol, { custom: { connectAnalysis: noPort } });
    expect(await io.load('j', { fileName: 'a.geojson', bytes: new Uint8Array() }, {}, () => undefined)).toEqual({ ok: false, error: { code: 'worker.io-crashed' } });
    expect(await io.fix({} as never, 'drop-empty' as never)).toEqual({ ok: false, error: { code: 'worker.io-crashed' } });
    const deadAnalysis = { ...fakeSupervisor(createAnalysisService()), call: async () => { throw new WorkerDiedError('analysis', 'crashed'); } } as SupervisedWorker<AnalysisApi>;
    const analysis = supervisedClient<AnalysisApi, typeof analysisProtocol>(deadAnalysis, 'analysis', analysisProtocol, {
      custom: { setInputs: async () => undefined, dropInputs: async () => undefined, ...layerCustom },
    });
    await expect(analysis.homeIds('d')).rejects.toBeInstanceOf(WorkerDiedError);
  });
});
