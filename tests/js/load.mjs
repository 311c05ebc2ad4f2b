// Load the course's classic browser scripts into a bare `window` in Node, found by file name
// anywhere under src/spasmcourse (not vendor/), so moving a script between folders needs no edit here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const PACKAGE = fileURLToPath(new URL("../../src/spasmcourse", import.meta.url));

export function findScript(name) {
  const found = readdirSync(PACKAGE, { recursive: true })
    .filter((path) => path.split(/[\\/]/).pop() === name && !path.split(/[\\/]/).includes("vendor"));
  if (found.length !== 1) { throw new Error(`${name}: expected one file under ${PACKAGE}, found ${found.length}`); }
  return join(PACKAGE, found[0]);
}

/** window.spasmcourse after running the named scripts, in order, in a fresh context. */
export function loadScripts(...names) {
  const window = {};
  const context = vm.createContext({ window, TextEncoder });
  for (const name of names) {
    const path = findScript(name);
    vm.runInContext(readFileSync(path, "utf-8"), context, { filename: path });
  }
  return window.spasmcourse;
}

/** The shared checking spec as tests/test_javascript.py writes it (JSON from tests/data/quiz_cases.yml). */
export function readSpec() {
  const path = process.env.SPASMCOURSE_JS_SPEC;
  if (!path) { throw new Error("SPASMCOURSE_JS_SPEC is not set: run these through tests/test_javascript.py"); }
  return JSON.parse(readFileSync(path, "utf-8"));
}
