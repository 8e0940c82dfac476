// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- declares the ?url import below
/// <reference path="../src/core/io/vendor-modules.d.ts" />
// The io worker: parses files off the main thread. sql.js (GeoPackage) finds its wasm through the URL
// Vite emits for this import; in Node the core needs no hook (sql.js reads the wasm beside itself).
import '../src/protocol/csp-safe';
import { expose, transfer } from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { createIoService } from '../src/core/io/io-service';
import { ioProtocol, type IoApi } from '../src/protocol/io-api';
import { exposedService } from '../src/protocol/protocol-table';
import { installTestFaults } from '../src/protocol/test-faults';

expose(exposedService<IoApi>(createIoService({ sqlJs: { locateFile: () => wasmUrl } }), ioProtocol, transfer));
installTestFaults(self);
