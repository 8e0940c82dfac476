/// <reference lib="webworker" />
// Entry point only: the analysis service from the core, exposed over Comlink as its protocol table says;
// layer tables from the io worker arrive on the channel (src/protocol/layer-channel.ts) into its store.
import '../src/protocol/csp-safe';
import { expose, transfer } from 'comlink';
import { createAnalysisService, createLayerTableStore } from '../src/core/analysis';
import { transferringApi } from '../src/protocol/analysis-api';
import { installTestFaults } from '../src/protocol/test-faults';

const layerTables = createLayerTableStore();
expose(transferringApi(createAnalysisService({ layerTables }), transfer, layerTables));
installTestFaults(self);
