// SQL migration files are bundled as text (Vite's ?raw in tests, an esbuild plugin for the hosts).
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
