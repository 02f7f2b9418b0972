import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The folder of this config file. Vite rewrites import.meta.url to the file's real URL while it
 * loads a config; the path is worked out by hand because the tab's tsconfig has no Node types and
 * lint keeps node:* imports out of tab/.
 */
function directoryOf(fileUrl: string): string {
  const path = decodeURIComponent(new URL('.', fileUrl).pathname);
  // file:///C:/repo/tab/ has the pathname /C:/repo/tab/ on Windows.
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

/** Node's process.env, reached without Node types (this file is type-checked with the tab). */
const nodeEnv = (globalThis as { process?: { env: Record<string, string | undefined> } }).process
  ?.env;

const tabRoot = directoryOf(import.meta.url);
const apiServer = 'http://127.0.0.1:3978';

export default defineConfig(({ command, mode }) => {
  // Vite honours an inherited NODE_ENV, and test runners set it to `test`: a build started from a
  // test setup would ship React's development runtime. Vite reads NODE_ENV after this file loads.
  if (command === 'build' && mode === 'production' && nodeEnv) nodeEnv.NODE_ENV = 'production';

  return {
    root: tabRoot,
    base: '/',
    plugins: [react()],
    build: {
      outDir: `${tabRoot}/../dist/tab`,
      emptyOutDir: true,
      sourcemap: true,
    },
    server: {
      host: '127.0.0.1',
      proxy: {
        '/api': apiServer,
        '/healthz': apiServer,
      },
    },
    preview: {
      host: '127.0.0.1',
    },
  };
});
