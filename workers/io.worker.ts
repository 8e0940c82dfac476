// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- declares the ?url import below
/// <reference path="../src/core/io/vendor-modules.d.ts" />
// The io worker: parses files off the main thread, keeps the layers and sends their tables to the analysis
// worker (src/protocol/io-layers.ts). sql.js (GeoPackage) finds its wasm through the URL Vite emits for this
// import; in Node the core needs no hook (sql.js reads the wasm beside itself).
import '../src/protocol/csp-safe';
import { expose, transfer } from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { createIoService } from '../src/core/io/io-service';
import { ioProtocol, type IoApi } from '../src/protocol/io-api';
import { withLayerHolding } from '../src/protocol/io-layers';
import { exposedService } from '../src/protocol/protocol-table';
import { installTestFaults } from '../src/protocol/test-faults';

const { api } = withLayerHolding(createIoService({ sqlJs: { locateFile: () => wasmUrl } }));
expose(exposedService<IoApi>(api, ioProtocol, transfer));
installTestFaults(self);
