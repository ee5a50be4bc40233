import type { Bridge } from '../shared/api';

// Each host (Electron preload, web bridge script) installs the contract here; the renderer only
// sees this type. Declaration merging with Window needs an interface, hence the one exception.
declare global {
  interface Window {
    bantam: Bridge;
  }
}

export {};
