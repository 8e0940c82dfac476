// Node runs no TypeScript by itself: register tsx's loader in this worker thread, then start the worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
