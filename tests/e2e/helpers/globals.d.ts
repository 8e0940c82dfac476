import type { CfcTestHook } from '../../../src/app/test-hook';

declare global {
  interface Window {
    __cfc?: CfcTestHook;
  }
}
