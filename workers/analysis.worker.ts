/// <reference lib="webworker" />
// Entry point only: the analysis service from the core, exposed over Comlink as its protocol table says.
import '../src/protocol/csp-safe';
import { expose, transfer } from 'comlink';
import { createAnalysisService } from '../src/core/analysis/service';
import { transferringApi } from '../src/protocol/analysis-api';
import { installTestFaults } from '../src/protocol/test-faults';

expose(transferringApi(createAnalysisService(), transfer));
installTestFaults(self);
