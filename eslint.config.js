import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

export default tseslint.config(
  { ignores: ["build/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "db/migrations/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Bodies are read in one place, with a cap and a 4xx for bad input (docs/architecture.md, "Request edge").
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/utils/body.server.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(formData|json|text|arrayBuffer|blob)$/][callee.object.name='request']",
          message: "Read request bodies with readForm / readJsonBody (app/utils/body.server.ts, app/utils/api.server.ts): they cap the size and answer 4xx to bad input.",
        },
      ],
    },
  },
  {
    files: ["scripts/**", "db/seed/**", "db/migrate.ts", "bench/**", "server/**", ".ci/**", "e2e/**"],
    rules: { "no-console": "off" },
  },
);
