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
    // Worker threads, four of them even on two cores: the tests wait on the database and on
    // argon2 more than they compute (measured: 236 s with 2 forks, 162 s with 2 threads, 78 s with
    // 4 threads, 116 s with 6; decision 017).
    pool: "threads",
    maxWorkers: 4,
    // One migrated database per run, copied by each test file (db/testing.ts).
    globalSetup: ["db/test-template.ts"],
  },
}));
