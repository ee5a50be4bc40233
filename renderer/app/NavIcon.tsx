import type { View } from '../state/app-store';

// Simple stroke icons as inline SVG markup (allowed by the CSP, unlike inline styles or scripts).
const PATHS: Record<View, string> = {
  queue: 'M5 4h3l2 5-2.5 1.5a11 11 0 0 0 5 5L14 13l5 2v3a2 2 0 0 1-2 2A15 15 0 0 1 3 6a2 2 0 0 1 2-2',
  leads: 'M4 6h16M4 12h16M4 18h16',
  handoff: 'M4 12h13m-4-5 5 5-5 5M20 5v14',
  reports: 'M5 20V10m7 10V4m7 16v-7',
  exports: 'M12 3v12m-5-5 5 5 5-5M5 21h14',
  definitions: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  settings: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM12 2v3m0 14v3M2 12h3m14 0h3M5 5l2 2m10 10 2 2M5 19l2-2m10-10 2-2',
};

export const NavIcon = ({ view }: { view: View }) => (
  <svg className="nav-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
    <path d={PATHS[view]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
