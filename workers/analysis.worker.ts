/// <reference lib="webworker" />
// Entry point only: the analysis service from the core, exposed over Comlink with transferred results.
import '../src/protocol/csp-safe';
import { expose, transfer } from 'comlink';
import { createAnalysisService } from '../src/core/analysis/service';
import { transferringApi, type AnalysisApi } from '../src/protocol/analysis-api';
import { installTestFaults } from '../src/protocol/test-faults';

const api: AnalysisApi = transferringApi(createAnalysisService(), transfer);
expose(api);
installTestFaults(self);
