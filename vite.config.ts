import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP_META } from './src-shared/csp.js';

/** Writes the shared Content-Security-Policy into index.html's meta tag. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'rigwise-csp',
    transformIndexHtml: (html) => {
      if (!html.includes('__RIGWISE_CSP__')) throw new Error('index.html lost its CSP placeholder');
      return html.replace('__RIGWISE_CSP__', CSP_META);
    },
  };
}

// The renderer is built once and served two ways: by the headless server over http://127.0.0.1 and by Electron from
// disk, hence relative asset paths.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
  },
});
