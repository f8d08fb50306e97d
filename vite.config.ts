import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: process.env.VITEST ? [] : [remix(remixConfig)],
  build: {
    // Top-level await in server modules needs a modern target for the SSR bundle.
    target: isSsrBuild ? "node20" : "es2020",
    cssMinify: true,
  },
  optimizeDeps: {
    exclude: ["@node-rs/argon2", "@electric-sql/pglite", "postgres", "nodemailer"],
  },
  server: { port: 3000 },
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "server/**/*.test.ts", "scripts/**/*.test.ts", "locales/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
}));
