// ESLint for the course's own JavaScript: the recommended rules, browser globals; classic
// scripts (one IIFE each, loaded by <script>) and ES modules (.mjs: the Node unit tests).
// Paths are relative to the repository, two folders up from this file.
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import globals from "globals";

const basePath = fileURLToPath(new URL("../..", import.meta.url));
// Globals of the vendored libraries our scripts call (src/spasmcourse/vendor).
const vendored = { lunr: "readonly", Reveal: "readonly" };
// A `catch (error)` that only falls back needs no use of `error` (ESLint's default before v9).
const rules = { ...js.configs.recommended.rules, "no-unused-vars": ["error", { caughtErrors: "none" }] };

export default [
  { basePath, ignores: ["**/vendor/**", "**/node_modules/**", "_build/**", ".venv/**", ".hub/**"] },
  {
    basePath,
    files: ["src/spasmcourse/**/*.js"],
    rules,
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: { ...globals.browser, ...vendored } },
  },
  {
    basePath,
    files: ["tests/js/**/*.mjs"],
    rules,
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
