/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Flask + Socket.IO server; in production it serves dist/ itself on the same origin.
const BACKEND = process.env.STREAMAI_BACKEND ?? 'http://127.0.0.1:5002';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: BACKEND, changeOrigin: true },
      '/socket.io': { target: BACKEND, changeOrigin: true, ws: true },
    },
  },
  // Flask serves dist/ at "/" (index.html + /assets/*); the favicon is inlined so nothing else is needed.
  build: { outDir: 'dist' },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
  },
});
