import { afterEach, beforeEach } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { createI18n } from '../../shared/i18n';
import { App } from '../../renderer/app/App';
import type { View } from '../../renderer/state/app-store';
import type { FakeBridge } from './fake-bridge';

// jsdom has no layout; give every element a viewport-sized box so the virtualizer renders rows.
export const fakeLayout = (): (() => void) => {
  const proto = HTMLElement.prototype;
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 1200 });
  return () => {
    for (const [key, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(proto, key, descriptor);
      else delete (proto as unknown as Record<string, unknown>)[key];
    }
  };
};

// Opens on the lead list unless told otherwise; 'home' opens where the user's role starts, as the app does.
export const renderApp = async (bridge: FakeBridge, initialView: View | 'home' = 'leads') => {
  window.bantam = bridge;
  const i18n = await createI18n('ja');
  return render(<App i18n={i18n} initialView={initialView === 'home' ? undefined : initialView} />);
};

// Per test: fake element sizes so the virtualiser draws rows in jsdom, then clean up.
export const useFakeLayout = (): void => {
  let restore: () => void = () => undefined;
  beforeEach(() => {
    restore = fakeLayout();
  });
  afterEach(() => {
    cleanup();
    restore();
  });
};
