import type { Widen } from './widen';

// The call queue and call cockpit.
export const callJa = {
  title: 'コールキュー',
};

export const callEn: Widen<typeof callJa> = {
  title: 'Call queue',
};
