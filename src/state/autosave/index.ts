export { idbStorage, AUTOSAVE_DB, AUTOSAVE_STORE } from './idb';
export { memoryStorage, CURRENT_KEY, LAYER_PREFIX, ASIDE_PREFIX, type AutosaveStorage } from './storage';
export { AUTOSAVE_FORMAT, AUTOSAVE_SUBJECT, readSessionRecord, type SessionRecord, type LayerRecord } from './record';
export { restoreAutosave, type RestoreOutcome } from './restore';
export { startAutosave, type AutosaveWriter } from './writer';
