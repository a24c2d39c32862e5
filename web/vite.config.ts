import { defineConfig } from 'vite';

// The wasm-bindgen `--target web` output is in src/pkg (made by `cargo xtask play`);
// its `new URL('..._bg.wasm', import.meta.url)` becomes a hashed asset.
export default defineConfig({
  base: './',
  build: { target: 'es2022' },
  worker: { format: 'es' },
});
